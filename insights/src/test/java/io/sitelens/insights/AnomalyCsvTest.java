package io.sitelens.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AnomalyCsvTest {

    static String run(String csv) {
        StringWriter out = new StringWriter();
        AnomalyCsv.score(new StringReader(csv), out);
        return out.toString();
    }

    static List<Double> scores(String output) {
        List<Double> s = new ArrayList<>();
        String[] lines = output.split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] c = lines[i].split(",");
            s.add(Double.parseDouble(c[c.length - 1]));
        }
        return s;
    }

    /** Daily traffic with a weekly pattern and mild noise; {@code spikeDay} (if >= 0) gets three times the value. */
    static String dailySeries(int days, int spikeDay, long seed) {
        Random rnd = new Random(seed);
        StringBuilder b = new StringBuilder("timestamp,value\n");
        LocalDate d0 = LocalDate.of(2025, 1, 6);
        for (int i = 0; i < days; i++) {
            double weekly = (i % 7 >= 5) ? 600 : 1000;
            double v = weekly * (1 + 0.05 * rnd.nextGaussian());
            if (i == spikeDay) {
                v *= 3;
            }
            b.append(d0.plusDays(i)).append(',').append(Math.round(v)).append('\n');
        }
        return b.toString();
    }

    @Test
    void writes_one_row_per_input_row_in_order_echoing_timestamp_and_value() {
        String in = "timestamp,value\n2024-01-01 00:00:00,5\n2024-01-01 00:05:00,6.50\n2024-01-01 00:05:00,7\n";
        String[] lines = run(in).split("\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).isEqualTo("timestamp,value,anomaly_score");
        assertThat(lines[1]).startsWith("2024-01-01 00:00:00,5,");
        assertThat(lines[2]).startsWith("2024-01-01 00:05:00,6.50,");
        assertThat(lines[3]).startsWith("2024-01-01 00:05:00,7,");
    }

    @Test
    void a_spike_in_a_weekly_daily_series_alerts_and_the_clean_days_do_not() {
        List<Double> s = scores(run(dailySeries(200, 150, 7)));
        assertThat(s.get(150)).isGreaterThanOrEqualTo(AnomalyDetector.ALERT_THRESHOLD);
        for (int i = 0; i < s.size(); i++) {
            if (i != 150) {
                assertThat(s.get(i)).as("day " + i).isLessThan(AnomalyDetector.ALERT_THRESHOLD);
            }
            assertThat(s.get(i)).isBetween(0.0, 1.0);
        }
    }

    @Test
    void a_clean_series_yields_no_alert() {
        for (long seed = 1; seed <= 5; seed++) {
            assertThat(scores(run(dailySeries(365, -1, seed))))
                    .as("seed " + seed)
                    .allMatch(v -> v < AnomalyDetector.ALERT_THRESHOLD);
        }
    }

    @Test
    void each_score_depends_only_on_rows_at_or_before_it() {
        String full = run(dailySeries(200, 150, 3));
        String[] rows = dailySeries(200, 150, 3).split("\n");
        String prefix = String.join("\n", java.util.Arrays.copyOf(rows, 152)) + "\n";
        List<Double> all = scores(full);
        List<Double> part = scores(run(prefix));
        assertThat(part).isEqualTo(all.subList(0, part.size()));
    }

    @Test
    void accepts_iso_8601_dates_offsets_gaps_and_repeats() {
        String in = "value,timestamp\n1,2024-03-01T10:00:00Z\n2,2024-03-01T10:00:00Z\n3,2024-03-01T12:00+01:00\n"
                + "4,2024-03-05\n,2024-03-06T00:00:00\n5,2024-03-07T00:00:00.250Z\n";
        String[] lines = run(in).split("\n");
        assertThat(lines).hasSize(7);
        assertThat(lines[5]).isEqualTo("2024-03-06T00:00:00,,0.000000");
    }

    @Test
    void a_bad_timestamp_is_refused_naming_the_line() {
        assertThatThrownBy(() -> run("timestamp,value\n2024-01-01 00:00:00,1\nyesterday,2\n"))
                .isInstanceOf(SitelensException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("yesterday")
                .satisfies(e -> assertThat(((SitelensException) e).errorCode()).isEqualTo(ErrorCode.INVALID_INPUT));
    }

    @Test
    void a_bad_value_or_missing_column_is_refused() {
        assertThatThrownBy(() -> run("timestamp,value\n2024-01-01,abc\n")).hasMessageContaining("line 2");
        assertThatThrownBy(() -> run("time,value\n2024-01-01,1\n")).hasMessageContaining("'timestamp'");
        assertThatThrownBy(() -> run("")).hasMessageContaining("empty");
    }

    @Test
    void on_nab_art_daily_jumpsup_it_alerts_inside_the_anomaly_window_and_nowhere_after_warm_up() throws IOException {
        String csv;
        try (InputStream in = getClass().getResourceAsStream("/nab/data/art_daily_jumpsup.csv")) {
            csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Double> s = scores(run(csv));
        // NAB window for this file: rows 2787..3189; probation: the first 604 rows
        List<Integer> alerts = new ArrayList<>();
        for (int i = 604; i < s.size(); i++) {
            if (s.get(i) >= AnomalyDetector.ALERT_THRESHOLD) {
                alerts.add(i);
            }
        }
        assertThat(alerts).isNotEmpty().allMatch(i -> i >= 2787 && i <= 3189);
    }
}
