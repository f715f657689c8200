package io.sitelens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnomaliesCommandTest {

    @TempDir
    Path dir;

    static String series() {
        StringBuilder b = new StringBuilder("timestamp,value\n");
        for (int i = 0; i < 120; i++) {
            double v = (i % 7 >= 5 ? 60 : 100) + (i * 37 % 11) - 5;
            if (i == 100) {
                v = 400;
            }
            b.append(java.time.LocalDate.of(2025, 1, 1).plusDays(i))
                    .append(" 00:00:00,")
                    .append(v)
                    .append('\n');
        }
        return b.toString();
    }

    @Test
    void scores_a_file_to_stdout_one_row_per_input_row() throws IOException {
        Path in = dir.resolve("series.csv");
        Files.writeString(in, series());
        CliRun r = CliRun.of("anomalies", "--input", in.toString());
        assertThat(r.exitCode()).isZero();
        String[] lines = r.out().split("\n");
        assertThat(lines).hasSize(121);
        assertThat(lines[0]).isEqualTo("timestamp,value,anomaly_score");
        assertThat(lines[101]).startsWith("2025-04-11 00:00:00,400.0,");
        assertThat(Double.parseDouble(lines[101].split(",")[2])).isGreaterThanOrEqualTo(0.5);
        assertThat(r.err()).contains("scored 120 rows");
    }

    @Test
    void writes_to_the_output_file_when_given() throws IOException {
        Path in = dir.resolve("series.csv");
        Path out = dir.resolve("scores.csv");
        Files.writeString(in, series());
        CliRun r = CliRun.of("anomalies", "--input", in.toString(), "--output", out.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(Files.readAllLines(out)).hasSize(121);
    }

    @Test
    void bad_input_exits_2_naming_the_line() throws IOException {
        Path in = dir.resolve("bad.csv");
        Files.writeString(in, "timestamp,value\n2025-01-01,1\nnot-a-time,2\n");
        CliRun r = CliRun.of("anomalies", "--input", in.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("line 3").contains("not-a-time");
        assertThat(CliRun.of("anomalies", "--input", dir.resolve("missing.csv").toString())
                        .exitCode())
                .isEqualTo(2);
    }
}
