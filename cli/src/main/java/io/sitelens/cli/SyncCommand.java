package io.sitelens.cli;

import io.sitelens.EventListener;
import io.sitelens.Outcome;
import io.sitelens.Sitelens;
import io.sitelens.SyncOptions;
import io.sitelens.cli.config.ProjectConfig;
import io.sitelens.cli.config.ProjectConfigLoader;
import io.sitelens.model.DateRange;
import io.sitelens.spi.storage.RunRecord;
import io.sitelens.spi.storage.StorageAdapter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sitelens sync}: fetches a project's daily series from every bound connector (or one), incrementally,
 * into the store, and records the run.
 */
@Command(name = "sync", description = "Fetch the project's analytics into the store (incremental, resumable).")
final class SyncCommand implements Callable<Integer> {

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Project config file.")
    Path config;

    @Option(names = "--source", paramLabel = "BINDING", description = "Only this binding (default: all).")
    List<String> sources = List.of();

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "Backfill from this day (default: incremental).")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day (default: today).")
    String to;

    @Option(names = "--json", description = "Print one JSON document on stdout.")
    boolean json;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ProjectConfig cfg = ProjectConfigLoader.load(config);
        SyncOptions options = SyncOptions.defaults("cli").withSources(new LinkedHashSet<>(sources));
        if (from != null || to != null) {
            LocalDate first = from == null ? null : DateRange.parse(from, from).start();
            LocalDate last = to == null ? null : DateRange.parse(to, to).start();
            if (first != null && last != null) {
                DateRange.of(first, last); // validates the order with a clear message
            }
            options = options.withRange(first, last);
        }
        PrintWriter err = spec.commandLine().getErr();
        try (StorageAdapter storage = store.open(cfg);
                Sitelens sitelens = Runtime.open(storage, cfg, progress(err))) {
            sitelens.storage().projects().put(cfg.project());
            RunRecord run = sitelens.sync(cfg.project(), options, Duration.ofHours(12));
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Json.print(out, RunsCommand.toJson(run));
            } else {
                out.printf("sync %s of %s: %s%n", run.id(), cfg.project().key(), run.status());
                for (Outcome o : run.outcomes()) {
                    out.println("  " + RunsCommand.describe(o));
                }
            }
            return switch (run.status()) {
                case SUCCEEDED -> ExitCode.OK;
                case FAILED ->
                    run.outcomes().stream()
                                    .allMatch(o -> o instanceof Outcome.Failed f
                                            && f.errorCode().category() == io.sitelens.ErrorCategory.USER)
                            ? ExitCode.USAGE
                            : ExitCode.FAILURE;
                default -> ExitCode.FAILURE;
            };
        }
    }

    private static EventListener progress(PrintWriter err) {
        return new EventListener() {
            @Override
            public void phaseStarted(String phase, long total) {
                err.printf("%s: %d slices%n", phase, total);
                err.flush();
            }

            @Override
            public void phaseFinished(String phase, Outcome outcome) {
                err.printf("%s: %s%n", phase, RunsCommand.describe(outcome));
                err.flush();
            }
        };
    }
}
