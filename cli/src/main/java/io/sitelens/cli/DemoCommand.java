package io.sitelens.cli;

import io.sitelens.Sitelens;
import io.sitelens.crawler.CrawlConfig;
import io.sitelens.model.ConnectorBinding;
import io.sitelens.model.Project;
import io.sitelens.model.ProjectKey;
import io.sitelens.report.DemoSite;
import io.sitelens.spi.storage.StorageAdapter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sitelens demo}: the whole audit, offline, on the bundled synthetic site (served on loopback), its
 * analytics (through the {@code file} connector) and its GTM container export (through {@code gtm}).
 */
@Command(name = "demo", description = "Run the whole audit offline on a bundled sample site and write report.html.")
final class DemoCommand implements Callable<Integer> {

    @Option(
            names = "--report",
            defaultValue = "report.html",
            paramLabel = "FILE",
            description = "Where to write the report (default report.html).")
    Path report;

    @Option(names = "--screenshots", defaultValue = "100", paramLabel = "N", description = "Default 100.")
    int screenshots;

    @picocli.CommandLine.Mixin
    StoreOptions storeOptions = new StoreOptions();

    @Option(names = "--json", description = "Print one JSON document (schemaVersion 1) instead of the path.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path work = Files.createTempDirectory("sitelens-demo-");
        try (DemoSite site = DemoSite.start();
                StorageAdapter storage = storeOptions.store == null
                        ? io.sitelens.storage.jdbc.JdbcStorage.embedded(work.resolve("store"))
                        : storeOptions.open(null);
                Sitelens sitelens = Runtime.openWithoutProject(storage)) {
            LocalDate yesterday = LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1);
            Path analytics = DemoSite.writeAnalytics(work, yesterday);
            Path container = DemoSite.writeContainer(work);
            Project project = Project.builder(ProjectKey.of("demo", "sample-site"), site.url())
                    .name("Sitelens Demo Supplies (synthetic)")
                    .binding(ConnectorBinding.of("analytics", "file", Map.of("path", analytics.toString())))
                    .binding(ConnectorBinding.of("tags", "gtm", Map.of("exportFile", container.toString())))
                    .build();
            spec.commandLine().getErr().println("sitelens demo: serving the sample site at " + site.url());
            AuditPipeline pipeline =
                    new AuditPipeline(sitelens, spec.commandLine().getErr(), 6);
            pipeline.note("This is the bundled demo: the site, its analytics and its GTM container are synthetic.");
            // the demo site is on loopback: allow exactly that address, nothing else private
            CrawlConfig crawl = CrawlConfig.builder()
                    .allowAddress(java.net.InetAddress.getLoopbackAddress())
                    .checkExternal(false)
                    .build();
            return AuditCommand.run(
                    pipeline,
                    sitelens,
                    project,
                    crawl,
                    true,
                    report,
                    screenshots,
                    json,
                    spec.commandLine().getOut());
        } finally {
            delete(work);
        }
    }

    private static void delete(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
