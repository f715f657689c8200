package io.sitelens.cli;

import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.insights.AnomalyCsv;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sitelens anomalies}: scores a {@code timestamp,value} series with the streaming anomaly detector and
 * writes {@code timestamp,value,anomaly_score} (one row per input row, same order; 0.5 is the alert
 * threshold).
 */
@Command(
        name = "anomalies",
        description = "Score a timestamp,value CSV series: writes timestamp,value,anomaly_score (alert at >= 0.5).")
final class AnomaliesCommand implements Callable<Integer> {

    @Option(
            names = "--input",
            required = true,
            paramLabel = "SERIES.csv",
            description = "CSV with a header naming timestamp and value columns; '-' reads standard input.")
    String input;

    @Option(names = "--output", paramLabel = "SCORES.csv", description = "Where to write (default: standard output).")
    Path output;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        long rows;
        try (Reader in = open()) {
            if (output == null) {
                Writer out = spec.commandLine().getOut();
                rows = AnomalyCsv.score(in, out);
            } else {
                try (BufferedWriter out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                    rows = AnomalyCsv.score(in, out);
                }
            }
        } catch (IOException e) {
            throw new SitelensException(
                    ErrorCode.INVALID_INPUT, "anomalies: cannot read or write: " + e.getMessage(), e);
        }
        spec.commandLine().getErr().println("sitelens anomalies: scored " + rows + " rows");
        return ExitCode.OK;
    }

    private Reader open() throws IOException {
        if (input.equals("-")) {
            return new InputStreamReader(System.in, StandardCharsets.UTF_8);
        }
        try {
            return Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new SitelensException(ErrorCode.NOT_FOUND, "anomalies: input file not found: " + input);
        }
    }
}
