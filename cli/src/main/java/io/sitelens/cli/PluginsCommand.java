package io.sitelens.cli;

import io.sitelens.DiscoveryReport;
import io.sitelens.Sitelens;
import io.sitelens.memory.InMemoryStorageAdapter;
import io.sitelens.spi.SitelensSpi;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sitelens plugins [--json]}: what discovery found on the class path, and its problems. */
@Command(name = "plugins", description = "List discovered providers (ids, capabilities) and discovery problems.")
final class PluginsCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print one JSON document on stdout.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        DiscoveryReport report;
        try (Sitelens s = Runtime.openWithoutProject(new InMemoryStorageAdapter())) {
            report = s.discoveryReport();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = Json.document();
            doc.put("sitelensVersion", Sitelens.version());
            doc.put("spiVersion", SitelensSpi.VERSION);
            List<Map<String, Object>> providers = new ArrayList<>();
            for (DiscoveryReport.ProviderInfo p : report.providers()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("kind", p.kind().label());
                m.put("id", p.id());
                m.put("class", p.className());
                m.put("plugin", p.plugin());
                m.put("source", p.source());
                m.put("capabilities", new TreeSet<>(p.capabilities()));
                providers.add(m);
            }
            doc.put("providers", providers);
            List<Map<String, Object>> problems = new ArrayList<>();
            for (DiscoveryReport.Problem p : report.problems()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("kind", p.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
                m.put("message", p.message());
                m.put("class", p.className());
                m.put("source", p.source());
                m.put("fatal", p.fatal());
                m.put("help", p.kind().helpUrl());
                problems.add(m);
            }
            doc.put("problems", problems);
            Json.print(out, doc);
        } else {
            out.printf("sitelens %s, SPI %s%n", Sitelens.version(), SitelensSpi.VERSION);
            if (report.providers().isEmpty()) {
                out.println("no providers found");
            }
            for (DiscoveryReport.ProviderInfo p : report.providers()) {
                out.printf(
                        "%-16s %-28s %s%s%n",
                        p.kind().label(),
                        p.id(),
                        p.className(),
                        p.capabilities().isEmpty() ? "" : " " + new TreeSet<>(p.capabilities()));
            }
            for (DiscoveryReport.Problem p : report.problems()) {
                spec.commandLine()
                        .getErr()
                        .printf("problem: %s%n  see %s%n", p.message(), p.kind().helpUrl());
            }
            out.flush();
        }
        return report.problems().isEmpty() ? ExitCode.OK : ExitCode.FAILURE;
    }
}
