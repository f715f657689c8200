package io.sitelens.cli;

import io.sitelens.Outcome;
import io.sitelens.Sitelens;
import io.sitelens.cli.config.ProjectConfig;
import io.sitelens.cli.config.ProjectConfigLoader;
import io.sitelens.spi.storage.RunRecord;
import io.sitelens.spi.storage.StorageAdapter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sitelens runs}: the project's recorded runs, newest first. */
@Command(name = "runs", description = "List the project's recorded runs (sync, crawl, …), newest first.")
final class RunsCommand implements Callable<Integer> {

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Project config file.")
    Path config;

    @Option(names = "--limit", defaultValue = "20", paramLabel = "N", description = "At most N runs (default 20).")
    int limit;

    @Option(names = "--json", description = "Print one JSON document on stdout.")
    boolean json;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("--limit must be within 1..1000, got " + limit);
        }
        ProjectConfig cfg = ProjectConfigLoader.load(config);
        try (StorageAdapter storage = store.open(cfg);
                Sitelens sitelens = Runtime.open(storage, cfg)) {
            List<RunRecord> runs = sitelens.runs(cfg.project().key(), limit);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> doc = Json.document();
                doc.put("project", cfg.project().key().toString());
                List<Map<String, Object>> list = new ArrayList<>();
                for (RunRecord r : runs) {
                    Map<String, Object> m = toJson(r);
                    m.remove("schemaVersion");
                    list.add(m);
                }
                doc.put("runs", list);
                Json.print(out, doc);
            } else {
                out.printf("%-36s %-9s %-10s %-24s %-24s %s%n", "RUN", "KIND", "STATUS", "STARTED", "FINISHED", "BY");
                for (RunRecord r : runs) {
                    out.printf(
                            "%-36s %-9s %-10s %-24s %-24s %s%n",
                            r.id(),
                            lower(r.kind()),
                            lower(r.status()),
                            r.startedAt(),
                            r.finishedAt() == null ? "-" : r.finishedAt(),
                            r.requestedBy());
                }
                out.flush();
            }
            return ExitCode.OK;
        }
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /** One run as a JSON document (schemaVersion first). */
    static Map<String, Object> toJson(RunRecord r) {
        Map<String, Object> m = Json.document();
        m.put("id", r.id());
        m.put("project", r.project().toString());
        m.put("kind", lower(r.kind()));
        m.put("status", lower(r.status()));
        m.put("requestedBy", r.requestedBy());
        m.put("startedAt", r.startedAt().toString());
        m.put("finishedAt", r.finishedAt() == null ? null : r.finishedAt().toString());
        List<Map<String, Object>> outcomes = new ArrayList<>();
        for (Outcome o : r.outcomes()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("provider", o.providerId());
            if (o instanceof Outcome.Succeeded s) {
                x.put("outcome", "succeeded");
                x.put("summary", s.summary());
            } else if (o instanceof Outcome.Failed f) {
                x.put("outcome", "failed");
                x.put("errorCode", f.errorCode().code());
                x.put("message", f.message());
            } else if (o instanceof Outcome.Skipped k) {
                x.put("outcome", "skipped");
                x.put("reason", k.reason());
            }
            outcomes.add(x);
        }
        m.put("outcomes", outcomes);
        m.put("usage", r.usage());
        return m;
    }

    static String describe(Outcome o) {
        if (o instanceof Outcome.Succeeded s) {
            return s.providerId() + ": " + s.summary();
        }
        if (o instanceof Outcome.Failed f) {
            return f.providerId() + ": failed (" + f.errorCode() + "): " + f.message();
        }
        Outcome.Skipped k = (Outcome.Skipped) o;
        return k.providerId() + ": skipped: " + k.reason();
    }
}
