package io.sitelens.connector.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sitelens.ErrorCategory;
import io.sitelens.SitelensException;
import io.sitelens.connector.file.internal.FileProblem;
import io.sitelens.model.DateRange;
import io.sitelens.model.DimensionName;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricQuery;
import io.sitelens.spi.connector.MetricConnector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad exports fail with a user error naming the file, the line and the column. */
class BadInputTest {
    @TempDir
    Path dir;

    private static final MetricQuery ALL = MetricQuery.builder(DateRange.parse("2020-01-01", "2030-12-31"))
            .metric(MetricName.PAGE_VIEWS)
            .dimension(DimensionName.DATE)
            .dimension(DimensionName.PAGE)
            .build();

    private FileProblem queryFails(String csv) {
        Path f = Connectors.write(dir, "bad.csv", csv);
        try (MetricConnector c = Connectors.open(f)) {
            Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> c.query(ALL));
            assertThat(t).isInstanceOf(FileProblem.class);
            FileProblem p = (FileProblem) t;
            assertThat(p.category()).isEqualTo(ErrorCategory.USER);
            assertThat(p.getMessage()).startsWith("file: " + f);
            return p;
        }
    }

    @Test
    void a_bad_date_names_line_and_column() {
        FileProblem p = queryFails("page,date,page_views\n/a,2026-01-01,1\n/b,01/02/2026,2\n");
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.column()).isEqualTo(2);
        assertThat(p.getMessage()).contains("line 3, column 2").contains("01/02/2026");
    }

    @Test
    void an_impossible_day_is_refused() {
        assertThat(queryFails("date,page,page_views\n2026-02-30,/a,1\n").getMessage())
                .contains("not a calendar day");
    }

    @Test
    void a_percentage_without_a_percent_sign_is_refused() {
        FileProblem p = queryFails("date,page,page_views,bounce_rate\n2026-01-01,/a,1,0.2\n2026-01-02,/a,1,45\n");
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.column()).isEqualTo(4);
        assertThat(p.getMessage()).contains("bounce_rate").contains("27.5%");
    }

    @Test
    void a_negative_or_fractional_count_is_refused() {
        assertThat(queryFails("date,page,page_views\n2026-01-01,/a,-3\n").getMessage())
                .contains("column 3")
                .contains("whole number");
        assertThat(queryFails("date,page,page_views\n2026-01-01,/a,2.5\n").getMessage())
                .contains("whole number");
    }

    @Test
    void text_in_a_number_column_is_refused() {
        assertThat(queryFails("date,page,page_views\n2026-01-01,/a,lots\n").getMessage())
                .contains("'lots'");
    }

    @Test
    void a_ragged_row_is_refused() {
        FileProblem p = queryFails("date,page,page_views\n2026-01-01,/a,1\n2026-01-02,/a\n");
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.getMessage()).contains("has 2 fields; the header has 3");
    }

    @Test
    void an_unclosed_quote_is_refused() {
        assertThat(queryFails("date,page,page_views\n2026-01-01,\"/a,1\n").getMessage())
                .contains("line 2")
                .contains("not closed");
    }

    @Test
    void a_page_that_is_not_a_path_is_refused() {
        assertThat(queryFails("date,page,page_views\n2026-01-01,about-us,1\n").getMessage())
                .contains("column 2")
                .contains("about-us");
    }

    @Test
    void overlapping_exports_are_refused_naming_both_places() {
        FileProblem p = queryFails("date,page,page_views\n2026-01-01,/a,1\n2026-01-02,/a,1\n2026-01-01,/a,4\n");
        assertThat(p.line()).isEqualTo(4);
        assertThat(p.getMessage()).contains("first at").contains("line 2");
    }

    @Test
    void a_header_without_a_date_column_fails_when_the_connector_opens() {
        Path f = Connectors.write(dir, "nodate.csv", "page,page_views\n/a,1\n");
        assertThatThrownBy(() -> Connectors.open(f))
                .isInstanceOf(SitelensException.class)
                .hasMessageContaining(f.toString())
                .hasMessageContaining("line 1")
                .hasMessageContaining("no date column");
    }

    @Test
    void a_header_without_metrics_fails_when_the_connector_opens() {
        Path f = Connectors.write(dir, "nometric.csv", "date,page,page title\n2026-01-01,/a,A\n");
        assertThatThrownBy(() -> Connectors.open(f)).hasMessageContaining("no metric column");
    }

    @Test
    void a_repeated_header_is_refused() {
        Path f = Connectors.write(dir, "twice.csv", "date,page,Views,page_views\n");
        assertThatThrownBy(() -> Connectors.open(f))
                .hasMessageContaining("column 4")
                .hasMessageContaining("already column 3");
    }

    @Test
    void a_file_above_the_size_cap_is_refused_before_reading() throws Exception {
        Path f = Connectors.write(dir, "big.csv", "date,page,page_views\n" + "2026-01-01,/a,1\n".repeat(100));
        assertThatThrownBy(() -> Connectors.open(f, "maxBytes", "100"))
                .hasMessageContaining("more than maxBytes (100)")
                .hasMessageContaining(f.toString());
    }

    @Test
    void bytes_that_are_not_utf8_are_refused() throws Exception {
        Path f = dir.resolve("latin1.csv");
        Files.write(
                f,
                "date,page,page_views\n2026-01-01,/caf\u00e9,1\n"
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> {
                    try (MetricConnector c = Connectors.open(f)) {
                        c.query(ALL);
                    }
                })
                .hasMessageContaining(f.toString())
                .hasMessageContaining("not UTF-8");
    }

    @Test
    void a_missing_path_names_the_binding_and_the_key() {
        assertThatThrownBy(() -> Connectors.open(Map.of()))
                .isInstanceOf(SitelensException.class)
                .hasMessageContaining("exports")
                .hasMessageContaining("path");
        assertThatThrownBy(() -> Connectors.open(dir.resolve("nope.csv")))
                .hasMessageContaining("neither a file nor a directory");
    }

    @Test
    void unknown_metrics_and_dimensions_are_user_errors_listing_what_exists() {
        Path f = Connectors.write(dir, "ok.csv", "date,page,page_views\n2026-01-01,/a,1\n");
        try (MetricConnector c = Connectors.open(f)) {
            assertThatThrownBy(() -> c.query(MetricQuery.builder(DateRange.parse("2026-01-01", "2026-01-01"))
                            .metric(MetricName.SESSIONS)
                            .build()))
                    .hasMessageContaining("sessions")
                    .hasMessageContaining("available: [page_views]");
            assertThatThrownBy(() -> c.query(MetricQuery.builder(DateRange.parse("2026-01-01", "2026-01-01"))
                            .metric(MetricName.PAGE_VIEWS)
                            .dimension(DimensionName.COUNTRY)
                            .build()))
                    .hasMessageContaining("country");
        }
    }
}
