package io.sitelens.connector.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sitelens.model.DateRange;
import io.sitelens.model.DimensionFilter;
import io.sitelens.model.DimensionName;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricQuery;
import io.sitelens.model.MetricRow;
import io.sitelens.model.MetricTable;
import io.sitelens.spi.connector.MetricConnector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileConnectorTest {
    @TempDir
    Path dir;

    private static MetricQuery query(String from, String to, List<MetricName> metrics, DimensionName... dims) {
        return MetricQuery.builder(DateRange.parse(from, to))
                .metrics(metrics)
                .dimensions(List.of(dims))
                .build();
    }

    @Test
    void a_ga4_ui_export_is_read_in_canonical_units() {
        try (MetricConnector c = Connectors.open(Connectors.copy("synthetic-ga4-ui-export.csv", dir))) {
            MetricTable t = c.query(query(
                    "2026-01-01",
                    "2026-01-02",
                    List.of(
                            MetricName.PAGE_VIEWS,
                            MetricName.SESSIONS,
                            MetricName.BOUNCE_RATE,
                            MetricName.AVERAGE_ENGAGEMENT_TIME),
                    DimensionName.DATE,
                    DimensionName.PAGE));
            assertThat(t.rows()).hasSize(4);
            MetricRow home = t.rows().get(0);
            assertThat(home.dimensionValues()).containsExactly("2026-01-01", "/");
            assertThat(home.values()).containsExactly(1234, 900, 0.275, 65);
            assertThat(t.rows())
                    .extracting(r -> r.dimension(1))
                    .as("a full URL in the page column becomes its path and query")
                    .contains("/pricing?plan=pro");
            assertThat(c.catalog().metrics())
                    .extracting(m -> m.name().name())
                    .as("the page title column is descriptive, not a metric")
                    .containsExactly("page_views", "sessions", "bounce_rate", "average_engagement_time");
            assertThat(c.unsettledDays()).isZero();
        }
    }

    @Test
    void site_series_combine_pages_summing_counts_and_weighting_rates_by_sessions() {
        try (MetricConnector c = Connectors.open(Connectors.copy("synthetic-pages.csv", dir))) {
            MetricTable t = c.query(query(
                    "2026-01-01",
                    "2026-01-01",
                    List.of(MetricName.PAGE_VIEWS, MetricName.BOUNCE_RATE),
                    DimensionName.DATE));
            assertThat(t.rows()).hasSize(1);
            assertThat(t.rows().get(0).value(0)).isEqualTo(150);
            // (0.5*80 + 0.25*30 + 1*10) / 120
            assertThat(t.rows().get(0).value(1)).isCloseTo((40 + 7.5 + 10) / 120, within(1e-9));
        }
    }

    @Test
    void a_range_without_the_date_dimension_totals_each_page() {
        try (MetricConnector c = Connectors.open(Connectors.copy("synthetic-pages.csv", dir))) {
            MetricTable t =
                    c.query(query("2026-01-01", "2026-01-07", List.of(MetricName.PAGE_VIEWS), DimensionName.PAGE));
            assertThat(t.rows()).extracting(r -> r.dimension(0)).containsExactly("/", "/pricing", "/blog/a");
            assertThat(t.rows().get(0).value(0)).isEqualTo(702);
            assertThat(c.pages(DateRange.parse("2026-01-01", "2026-01-07")))
                    .containsExactly("/", "/pricing", "/blog/a");
        }
    }

    @Test
    void empty_cells_are_missing_values_not_zeros() {
        try (MetricConnector c = Connectors.open(Connectors.copy("synthetic-pages.csv", dir))) {
            MetricQuery q = MetricQuery.builder(DateRange.parse("2026-01-03", "2026-01-03"))
                    .metrics(List.of(MetricName.PAGE_VIEWS))
                    .dimensions(List.of(DimensionName.DATE, DimensionName.PAGE))
                    .filter(DimensionFilter.exact(DimensionName.PAGE, "/blog/a"))
                    .build();
            assertThat(c.query(q).rows())
                    .as("a row with only empty cells has no data")
                    .isEmpty();
        }
    }

    @Test
    void a_directory_is_read_whole_and_site_files_answer_site_queries() throws Exception {
        Path exports = Files.createDirectory(dir.resolve("exports"));
        Connectors.copy("synthetic-pages.csv", exports);
        Connectors.copy("synthetic-site.csv", exports);
        Files.writeString(exports.resolve("notes.txt"), "not an export");
        try (MetricConnector c = Connectors.open(exports)) {
            MetricTable site = c.query(query(
                    "2026-01-01",
                    "2026-01-02",
                    List.of(MetricName.SESSIONS, MetricName.BOUNCE_RATE),
                    DimensionName.DATE));
            assertThat(site.rows()).extracting(r -> r.value(0)).containsExactly(1000.0, 1100.0);
            assertThat(site.rows()).extracting(r -> r.value(1)).containsExactly(0.45, 0.44);
            MetricTable pages = c.query(query(
                    "2026-01-01", "2026-01-01", List.of(MetricName.SESSIONS), DimensionName.DATE, DimensionName.PAGE));
            assertThat(pages.rows()).hasSize(3);
        }
    }

    @Test
    void configured_column_names_and_ignored_columns_are_honoured() {
        Path f = Connectors.write(
                dir, "custom.csv", "Tag,Pfad,Seitenaufrufe,Kommentar,page_views\n" + "2026-02-01,/a,5,hello,7\n");
        try (MetricConnector c =
                Connectors.open(f, "dateColumn", "Tag", "pageColumn", "Pfad", "ignoreColumns", "Kommentar")) {
            assertThat(c.catalog().metrics())
                    .extracting(m -> m.name().name())
                    .containsExactly("file:seitenaufrufe", "page_views");
            MetricTable t = c.query(query(
                    "2026-02-01",
                    "2026-02-01",
                    List.of(
                            MetricName.PAGE_VIEWS,
                            new MetricName("file:seitenaufrufe", io.sitelens.model.ValueType.NUMBER)),
                    DimensionName.PAGE));
            assertThat(t.rows().get(0).values()).containsExactly(7, 5);
        }
    }

    @Test
    void the_row_limit_cuts_and_says_so() {
        try (MetricConnector c = Connectors.open(Connectors.copy("synthetic-pages.csv", dir))) {
            MetricTable t = c.query(MetricQuery.builder(DateRange.parse("2026-01-01", "2026-01-07"))
                    .metric(MetricName.PAGE_VIEWS)
                    .dimension(DimensionName.PAGE)
                    .rowLimit(2)
                    .build());
            assertThat(t.rows()).hasSize(2);
            assertThat(t.hasNote(io.sitelens.model.DataQualityNote.Kind.TRUNCATED))
                    .isTrue();
        }
    }
}
