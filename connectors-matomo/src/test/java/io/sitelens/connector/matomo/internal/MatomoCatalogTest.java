package io.sitelens.connector.matomo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitelens.model.DimensionName;
import io.sitelens.model.MetricName;
import io.sitelens.model.ValueType;
import io.sitelens.spi.connector.Catalog;
import io.sitelens.spi.connector.MetricDescriptor;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The catalog read from the real {@code API.getReportMetadata} of Matomo's test suite. */
class MatomoCatalogTest {
    private static MatomoCatalog catalog;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in =
                MatomoCatalogTest.class.getResourceAsStream("/matomo/API.getReportMetadata_day.derived.json")) {
            catalog = MatomoCatalog.parse(new ObjectMapper().readTree(in));
        }
    }

    private static ValueType type(String nativeName) {
        return catalog.catalog()
                .metric(new MetricName("matomo:" + nativeName, ValueType.NUMBER))
                .map(MetricDescriptor::name)
                .map(MetricName::type)
                .orElseThrow(() -> new AssertionError("no matomo:" + nativeName));
    }

    @Test
    void canonical_metrics_come_first_with_their_matomo_names() {
        Catalog c = catalog.catalog();
        assertThat(c.metrics().subList(0, 5)).allMatch(m -> m.name().isCanonical());
        assertThat(c.metric(MetricName.PAGE_VIEWS).orElseThrow().nativeName()).isEqualTo("nb_pageviews");
        assertThat(c.metric(MetricName.BOUNCE_RATE).orElseThrow().nativeName()).isEqualTo("bounce_rate");
        assertThat(c.metric(MetricName.EVENT_COUNT)).isPresent();
        assertThat(c.metric(MetricName.CONVERSIONS)).isPresent();
    }

    @Test
    void matomo_types_map_to_canonical_units() {
        assertThat(type("nb_visits")).isEqualTo(ValueType.COUNT);
        assertThat(type("bounce_rate")).isEqualTo(ValueType.RATE);
        assertThat(type("avg_time_on_site")).isEqualTo(ValueType.DURATION);
        assertThat(type("revenue")).isEqualTo(ValueType.CURRENCY);
        assertThat(type("nb_actions_per_visit")).isEqualTo(ValueType.NUMBER);
        assertThat(type("visits_evolution")).as("evolutions exceed 100%").isEqualTo(ValueType.NUMBER);
        assertThat(type("entry_nb_visits")).as("raw columns of flat page rows").isEqualTo(ValueType.COUNT);
    }

    @Test
    void every_metric_of_every_report_is_listed_once() {
        long distinct = catalog.catalog().metrics().stream()
                .map(m -> m.name().name())
                .distinct()
                .count();
        assertThat(distinct).isEqualTo(catalog.catalog().metrics().size()).isGreaterThan(100);
    }

    @Test
    void native_metrics_are_found_in_the_report_that_carries_them() {
        assertThat(catalog.nativeSite("nb_uniq_visitors_new")
                        .orElseThrow()
                        .source()
                        .method())
                .isEqualTo("VisitFrequency.get");
        assertThat(catalog.nativeSite("nb_visits").orElseThrow().source().method())
                .isEqualTo("VisitsSummary.get");
        assertThat(catalog.nativeRows(RowReport.PAGE_URLS, "exit_rate")).isPresent();
        assertThat(catalog.nativeRows(RowReport.PAGE_URLS, "nb_events")).isEmpty();
        assertThat(catalog.nativeSite("noSuchMetricXyz")).isEmpty();
    }

    @Test
    void dimensions_include_date_pages_titles_and_events() {
        assertThat(catalog.catalog().dimensions())
                .extracting(d -> d.name().name())
                .contains(
                        "date", "page", "page_url", "landing_page", "page_title", "event_name", "matomo:eventCategory");
        assertThat(catalog.catalog()
                        .dimension(DimensionName.LANDING_PAGE)
                        .orElseThrow()
                        .nativeName())
                .isEqualTo("Actions.getEntryPageUrls");
    }
}
