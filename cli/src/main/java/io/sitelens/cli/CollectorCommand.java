package io.sitelens.cli;

import io.sitelens.cli.config.ProjectConfig;
import io.sitelens.cli.config.ProjectConfigLoader;
import io.sitelens.collector.Collector;
import io.sitelens.collector.CollectorServer;
import io.sitelens.collector.CollectorSite;
import io.sitelens.collector.Tracker;
import io.sitelens.model.Project;
import io.sitelens.model.ProjectKey;
import io.sitelens.spi.storage.StorageAdapter;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sitelens collector serve|snippet}: the stand-alone behaviour collector and the tag to paste. */
@Command(
        name = "collector",
        description = "The opt-in behaviour collector (JS tracker + ingestion).",
        subcommands = {CollectorCommand.Serve.class, CollectorCommand.Snippet.class})
final class CollectorCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(
                spec.commandLine(), "a collector command is required (serve, snippet)");
    }

    /** Options shared by both commands: which site and project. */
    static final class SiteOptions {
        @Option(
                names = "--config",
                paramLabel = "FILE",
                description = "Project config file; gives the project and origins.")
        Path config;

        @Option(names = "--site", paramLabel = "ID", description = "Site id in the tag (default: the project id).")
        String site;

        @org.jspecify.annotations.Nullable
        ProjectConfig load() {
            return config == null ? null : ProjectConfigLoader.load(config);
        }

        CollectorSite site(@org.jspecify.annotations.Nullable ProjectConfig cfg, List<String> extraOrigins) {
            ProjectKey key;
            Set<String> origins = new LinkedHashSet<>(extraOrigins);
            if (cfg != null) {
                Project p = cfg.project();
                key = p.key();
                for (URI u : p.startUrls()) {
                    origins.add(u.getScheme() + "://" + u.getAuthority());
                }
            } else {
                if (site == null) {
                    throw new IllegalArgumentException("give --config FILE or --site ID");
                }
                key = ProjectKey.of("default", site);
            }
            return new CollectorSite(site != null ? site : key.project().value(), key, origins);
        }
    }

    @Command(
            name = "serve",
            description = "Serve POST /c (ingestion) and GET /sitelens.min.js on the JDK HTTP server until stopped.")
    static final class Serve implements Callable<Integer> {
        @CommandLine.Mixin
        SiteOptions site = new SiteOptions();

        @Option(names = "--port", required = true, paramLabel = "P", description = "Port to listen on (0: any free).")
        int port;

        @Option(
                names = "--bind",
                paramLabel = "ADDRESS",
                defaultValue = "127.0.0.1",
                description = "Address to bind (default 127.0.0.1).")
        String bind;

        /** {@code --store}: as every command (default the embedded store), or {@code memory} for a trial run. */
        @CommandLine.Mixin
        StoreOptions store = new StoreOptions();

        @Option(
                names = "--origin",
                paramLabel = "URL",
                description = "Another origin allowed to send batches (repeatable).")
        List<String> origins = new ArrayList<>();

        @Option(
                names = "--geoip",
                paramLabel = "FILE",
                description = "A GeoIP2/GeoLite2 City .mmdb for country and city (only with the visitor's consent).")
        Path geoip;

        @Option(names = "--threads", paramLabel = "N", defaultValue = "4", description = "Worker threads (default 4).")
        int threads;

        @Option(
                names = "--shared-salts",
                description = "Keep the daily visitor-id salts in the store, so several collector processes give a"
                        + " visitor one id (default: in this process's memory only).")
        boolean sharedSalts;

        @Option(
                names = "--for",
                paramLabel = "SECONDS",
                description = "Stop after this many seconds (default: until interrupted).")
        Long seconds;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws InterruptedException {
            ProjectConfig cfg = site.load();
            CollectorSite s = site.site(cfg, origins);
            StorageAdapter storage = store.open(cfg); // StoreOptions knows "memory" too
            Collector.Builder b = Collector.builder().storage(storage).site(s).sharedSalts(sharedSalts);
            if (keepsPrivacyData(storage)) {
                // restricted visitors and objections are refused before consent is even asked
                b.consentPolicy(io.sitelens.privacy.ProcessingGate.over(
                                storage, new io.sitelens.spi.consent.StrictOptInConsentPolicy(storage.consents()))
                        .asConsentPolicy());
            }
            if (geoip != null) {
                b.geoIpDatabase(geoip);
            }
            PrintWriter err = spec.commandLine().getErr();
            CountDownLatch stop = new CountDownLatch(1);
            try (Collector collector = b.build()) {
                try (CollectorServer server =
                        CollectorServer.start(collector, new InetSocketAddress(bind, port), threads)) {
                    java.lang.Runtime.getRuntime()
                            .addShutdownHook(new Thread(stop::countDown, "sitelens-collector-stop"));
                    err.printf(
                            "collector: site %s (project %s), store %s%n  ingest  %s%n  tracker %s%n  origins %s%n",
                            s.id(),
                            s.project(),
                            storage.description(),
                            server.endpoint(),
                            server.scriptUrl(),
                            s.origins().isEmpty() ? "(any)" : String.join(", ", s.origins()));
                    err.flush();
                    if (seconds != null) {
                        stop.await(seconds, TimeUnit.SECONDS);
                    } else {
                        stop.await();
                    }
                }
                err.printf("collector: stopped; %s%n", collector.stats());
                err.flush();
            } finally {
                storage.close();
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "snippet", description = "Print the tag to paste into the site's pages.")
    static final class Snippet implements Callable<Integer> {
        @CommandLine.Mixin
        SiteOptions site = new SiteOptions();

        @Option(
                names = "--endpoint",
                paramLabel = "URL",
                defaultValue = "http://127.0.0.1:8787/c",
                description = "The collector's ingestion URL (default http://127.0.0.1:8787/c).")
        URI endpoint;

        @Option(
                names = "--script",
                paramLabel = "URL",
                description = "Where the site serves sitelens.min.js (default: next to the endpoint).")
        URI script;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            CollectorSite s = site.site(site.load(), List.of());
            URI js = script != null ? script : endpoint.resolve("/sitelens.min.js");
            PrintWriter out = spec.commandLine().getOut();
            out.print(Tracker.snippet(s.id(), endpoint, js));
            out.flush();
            return ExitCode.OK;
        }
    }

    static boolean keepsPrivacyData(StorageAdapter storage) {
        try {
            storage.privacy();
            return true;
        } catch (io.sitelens.SitelensException e) {
            return false;
        }
    }
}
