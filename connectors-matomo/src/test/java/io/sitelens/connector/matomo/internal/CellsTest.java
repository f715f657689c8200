package io.sitelens.connector.matomo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class CellsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String s) throws IOException {
        return JSON.readTree(s);
    }

    private static JsonNode fixture(String name) throws IOException {
        try (InputStream in = CellsTest.class.getResourceAsStream("/matomo/" + name)) {
            return JSON.readTree(in);
        }
    }

    @Test
    void numbers_come_as_numbers_or_strings_and_false_or_empty_means_missing() throws IOException {
        assertThat(Cells.number(json("12"))).isEqualTo(12);
        assertThat(Cells.number(json("\"1,234\""))).isEqualTo(1234);
        assertThat(Cells.number(json("\"9.66\""))).isEqualTo(9.66);
        assertThat(Cells.number(json("false"))).isNaN();
        assertThat(Cells.number(json("\"\""))).isNaN();
        assertThat(Cells.number(json("null"))).isNaN();
        assertThat(Cells.number(json("\"n/a\""))).isNaN();
        assertThat(Cells.number(json("\"€ 43.50\""))).isEqualTo(43.5);
    }

    @Test
    void rates_are_fractions_whatever_matomo_sends() throws IOException {
        assertThat(Cells.rate(json("\"27.61%\""))).isCloseTo(0.2761, within(1e-12));
        assertThat(Cells.rate(json("0.2761"))).isEqualTo(0.2761);
        assertThat(Cells.rate(json("\"100%\""))).isEqualTo(1.0);
        assertThat(Cells.rate(json("56")))
                .as("a bare number above 1 is a percentage")
                .isEqualTo(0.56);
    }

    @Test
    void durations_in_seconds_or_formatted_as_matomo_formats_them() throws IOException {
        assertThat(Cells.seconds(json("811"))).isEqualTo(811);
        assertThat(Cells.seconds(json("\"00:06:01\""))).isEqualTo(361);
        assertThat(Cells.seconds(json("\"5 min 13s\""))).isEqualTo(313);
        assertThat(Cells.seconds(json("\"1 hours 2 min\""))).isEqualTo(3720);
        assertThat(Cells.seconds(json("\"0s\""))).isZero();
    }

    @Test
    void a_real_ui_export_with_formatted_metrics_reads_in_canonical_units() throws IOException {
        JsonNode year =
                fixture("ReportExporting_VisitsSummary.get_exported.json.txt").get("2012");
        assertThat(Cells.rate(year.get("bounce_rate"))).isEqualTo(0.56);
        assertThat(Cells.seconds(year.get("avg_time_on_site"))).isEqualTo(313);
        assertThat(Cells.number(year.get("nb_actions_per_visit"))).isEqualTo(2.3);
    }

    @Test
    void string_typed_rows_of_a_real_bulk_answer_read_as_numbers() throws IOException {
        JsonNode rows = fixture("test_OneVisitorTwoVisits_bulk_json__API.getBulkRequest.json")
                .get(2);
        double total = 0;
        for (JsonNode r : rows) {
            total += Cells.number(r.get("nb_visits"));
        }
        assertThat(total).isEqualTo(2);
    }
}
