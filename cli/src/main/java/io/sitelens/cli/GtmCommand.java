package io.sitelens.cli;

import io.sitelens.connector.gtm.GtmContainer;
import io.sitelens.connector.gtm.GtmFinding;
import io.sitelens.connector.gtm.GtmInspection;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sitelens gtm inspect FILE [--json]}: what a GTM container export tracks and what is broken in it. */
@Command(
        name = "gtm",
        description = "Google Tag Manager containers.",
        subcommands = {GtmCommand.Inspect.class})
final class GtmCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "a gtm command is required (inspect)");
    }

    @Command(
            name = "inspect",
            description = "Report a container export's tags, GA4 ids and events, and lint findings "
                    + "(exit 0 even with findings; 2 when the file is not a container export).")
    static final class Inspect implements Callable<Integer> {
        @Parameters(
                paramLabel = "CONTAINER_EXPORT.json",
                description = "A GTM container export (exportFormatVersion 2).")
        Path file;

        @Option(names = "--json", description = "Print one JSON document on stdout (fields in docs/gtm.md).")
        boolean json;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            GtmInspection i = GtmInspection.of(GtmContainer.parseExport(file));
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                try {
                    Json.print(out, Json.mapper().readTree(i.toJson()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return ExitCode.OK;
            }
            out.printf(
                    "container   %s%s%n", i.containerId(), i.containerName() == null ? "" : "  " + i.containerName());
            out.printf(
                    "counts      %d tags, %d triggers, %d variables, %d built-in variables%n",
                    i.counts().tags(),
                    i.counts().triggers(),
                    i.counts().variables(),
                    i.counts().builtInVariables());
            out.printf("tag types   %s%n", i.tagsByType());
            out.printf(
                    "GA4 ids     %s%n",
                    i.ga4MeasurementIds().isEmpty() ? "(none resolved)" : String.join(", ", i.ga4MeasurementIds()));
            out.printf(
                    "GA4 events  %s%n", i.ga4EventNames().isEmpty() ? "(none)" : String.join(", ", i.ga4EventNames()));
            out.printf(
                    "findings    %d%s%n", i.findings().size(), i.findings().isEmpty() ? "" : " " + i.findingCounts());
            i.findings().stream()
                    .sorted(Comparator.comparing(GtmFinding::severity).thenComparing(GtmFinding::id))
                    .forEach(f -> out.printf(
                            "  %-7s %-33s %s: %s%n",
                            f.severity().name().toLowerCase(Locale.ROOT), f.id(), f.subject(), f.message()));
            out.flush();
            return ExitCode.OK;
        }
    }
}
