package io.sitelens.connector.gtm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sitelens.ErrorCategory;
import io.sitelens.SitelensException;
import io.sitelens.model.DateRange;
import io.sitelens.model.DimensionFilter;
import io.sitelens.model.DimensionName;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricQuery;
import io.sitelens.model.MetricTable;
import io.sitelens.spi.connector.ConnectorConfig;
import io.sitelens.spi.connector.MetricConnector;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "GTM names to query": the container's GA4 events, counted by a fake GA4-capable binding. */
class GtmEventActivityTest {

    @Test
    void one_ga4_query_a_year_daily_with_the_container_event_names_as_filter() {
        FakeGa4Connector ga4 = new FakeGa4Connector();
        GtmConnector gtm = GtmConnector.of(Fixtures.container(Fixtures.ANALYZIFY), new TestContext(ga4, "2026-11-28"));

        gtm.eventActivity();

        assertThat(ga4.queries).singleElement().satisfies(q -> {
            assertThat(q.range()).isEqualTo(DateRange.parse("2025-11-28", "2026-11-27"));
            assertThat(q.metrics()).containsExactly(MetricName.EVENT_COUNT, MetricName.CONVERSIONS);
            assertThat(q.dimensions()).containsExactly(DimensionName.DATE, DimensionName.EVENT_NAME);
            DimensionFilter f = q.filters().get(0);
            assertThat(f.match()).isEqualTo(DimensionFilter.Match.REGEX);
            assertThat(f.values().get(0))
                    .isEqualTo(
                            "(?:search|view_item_list|view_item|add_to_cart|remove_from_cart|view_cart|begin_checkout"
                                    + "|add_contact_info|add_address_info|add_shipping_info|add_payment_info)|page_view|(?:purchase)");
        });
    }

    @Test
    void counts_key_events_last_seen_and_events_that_never_fired_in_90_days() {
        FakeGa4Connector ga4 = new FakeGa4Connector()
                .add("2026-11-20", "page_view", 100, 0)
                .add("2026-11-21", "page_view", 80, 0)
                .add("2026-11-21", "purchase", 4, 4)
                .add("2026-11-21", "search", 7, 0)
                .add("2026-11-21", "view_item", 30, 0)
                .add("2026-02-01", "add_to_cart", 2, 0)
                .add("2026-11-21", "scroll", 500, 0);
        GtmConnector gtm = GtmConnector.of(Fixtures.container(Fixtures.ANALYZIFY), new TestContext(ga4, "2026-11-28"));

        GtmEventActivity a = gtm.eventActivity(DateRange.parse("2025-11-28", "2026-11-27"));

        assertThat(a.containerId()).isEqualTo("GTM-K2W53WLF");
        assertThat(a.events())
                .extracting(GtmEventActivity.EventActivity::name)
                .containsExactly("{{GA4 - event table}}", "page_view");
        GtmEventActivity.EventActivity pageView = activity(a, "page_view");
        assertThat(pageView.eventCount()).isEqualTo(180);
        assertThat(pageView.daily())
                .containsExactly(
                        new GtmEventActivity.Day(LocalDate.parse("2026-11-20"), 100, 0),
                        new GtmEventActivity.Day(LocalDate.parse("2026-11-21"), 80, 0));
        assertThat(pageView.lastSeen()).isEqualTo(LocalDate.parse("2026-11-21"));
        GtmEventActivity.EventActivity table = activity(a, "{{GA4 - event table}}");
        assertThat(table.dynamic()).isTrue();
        assertThat(table.tagIds()).containsExactly("52", "80");
        assertThat(table.eventCount())
                .as("purchase + search + view_item + add_to_cart, not scroll")
                .isEqualTo(43);
        assertThat(table.keyEvents()).isEqualTo(4);
        assertThat(table.seenNames()).containsExactlyInAnyOrder("purchase", "search", "view_item", "add_to_cart");
        assertThat(a.neverFiredRecently()).isEmpty();
    }

    @Test
    void an_event_seen_only_long_ago_never_fired_recently() {
        FakeGa4Connector ga4 =
                new FakeGa4Connector().add("2026-03-01", "video_play", 12, 0).add("2026-11-20", "video_pause", 0, 0);
        GtmConnector gtm = GtmConnector.of(Fixtures.container(Fixtures.VIMEO), new TestContext(ga4, "2026-11-28"));

        GtmEventActivity a = gtm.eventActivity(DateRange.parse("2025-11-28", "2026-11-27"));

        assertThat(a.neverFiredRecently()).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("video_{{dlv - video_status}}");
            assertThat(e.eventCount()).isEqualTo(12);
            assertThat(e.lastSeen()).isEqualTo(LocalDate.parse("2026-03-01"));
            assertThat(e.seenNames()).containsExactly("video_play");
        });
        assertThat(ga4.queries.get(0).filters().get(0).values()).containsExactly("video_.+");
    }

    @Test
    void a_bare_event_variable_narrowed_by_its_trigger_regex_still_filters() {
        FakeGa4Connector ga4 =
                new FakeGa4Connector().add("2026-11-01", "purchase", 2, 2).add("2026-11-01", "page_view", 50, 0);
        GtmConnector gtm = GtmConnector.of(Fixtures.container(Fixtures.GMS), new TestContext(ga4, "2026-11-28"));
        GtmEventActivity a = gtm.eventActivity(DateRange.parse("2026-11-01", "2026-11-27"));
        assertThat(a.events()).singleElement().satisfies(e -> {
            assertThat(e.eventCount()).isEqualTo(2);
            assertThat(e.keyEvents()).isEqualTo(2);
            assertThat(e.seenNames()).containsExactly("purchase");
            assertThat(e.measurementId()).isEqualTo("G-AAAAAAAAAA");
        });
    }

    @Test
    void query_aggregates_tracked_events_per_day_and_drops_untracked_ones() {
        FakeGa4Connector ga4 = new FakeGa4Connector()
                .add("2026-11-01", "page_view", 10, 0)
                .add("2026-11-01", "purchase", 2, 2)
                .add("2026-11-01", "scroll", 99, 0);
        GtmConnector gtm = GtmConnector.of(Fixtures.container(Fixtures.ANALYZIFY), new TestContext(ga4, "2026-11-28"));
        MetricTable t = gtm.query(MetricQuery.builder(DateRange.parse("2026-11-01", "2026-11-01"))
                .metric(MetricName.EVENT_COUNT)
                .metric(MetricName.CONVERSIONS)
                .dimension(DimensionName.DATE)
                .build());
        assertThat(t.rows()).singleElement().satisfies(r -> {
            assertThat(r.dimension(0)).isEqualTo("2026-11-01");
            assertThat(r.value(0)).isEqualTo(12);
            assertThat(r.value(1)).isEqualTo(2);
        });
    }

    @Test
    void activity_works_on_the_connector_as_a_host_wraps_it_and_splits_rows_by_tracked_name() {
        FakeGa4Connector ga4 = new FakeGa4Connector()
                .add("2026-11-10", "page_view", 10, 0)
                .add("2026-11-10", "purchase", 2, 2)
                .add("2026-11-11", "view_item", 5, 0);
        GtmConnector gtm = GtmConnector.of(Fixtures.container(Fixtures.ANALYZIFY), new TestContext(ga4, "2026-11-28"));
        MetricConnector wrapped = new MetricConnector() { // what the facade hands out: only the SPI
                    @Override
                    public String providerId() {
                        return gtm.providerId();
                    }

                    @Override
                    public io.sitelens.spi.connector.Catalog catalog() {
                        return gtm.catalog();
                    }

                    @Override
                    public MetricTable query(MetricQuery q) {
                        return gtm.query(q);
                    }

                    @Override
                    public io.sitelens.model.TrackingPlan trackingPlan() {
                        return gtm.trackingPlan();
                    }
                };
        GtmEventActivity a = GtmEventActivity.of(wrapped, DateRange.parse("2026-11-01", "2026-11-27"));
        assertThat(a.events())
                .extracting(GtmEventActivity.EventActivity::name, GtmEventActivity.EventActivity::eventCount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("{{GA4 - event table}}", 7L),
                        org.assertj.core.groups.Tuple.tuple("page_view", 10L));

        MetricTable byTracked = gtm.query(MetricQuery.builder(DateRange.parse("2026-11-10", "2026-11-11"))
                .metric(MetricName.EVENT_COUNT)
                .dimension(GtmConnector.TRACKED_EVENT)
                .build());
        assertThat(byTracked.rows())
                .extracting(r -> r.dimension(0) + "=" + (long) r.value(0))
                .containsExactly("page_view=10", "{{GA4 - event table}}=7");
    }

    @Test
    void dimensions_and_filters_the_connector_does_not_offer_are_user_errors() {
        GtmConnector gtm = GtmConnector.of(
                Fixtures.container(Fixtures.GMS), new TestContext(new FakeGa4Connector(), "2026-11-28"));
        DateRange day = DateRange.parse("2026-11-01", "2026-11-01");
        assertThatThrownBy(() -> gtm.query(MetricQuery.builder(day)
                        .metric(MetricName.EVENT_COUNT)
                        .dimension(DimensionName.PAGE)
                        .build()))
                .isInstanceOfSatisfying(SitelensException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.USER);
                    assertThat(e.getMessage()).contains("gtm:", "'page'");
                });
        assertThatThrownBy(() -> gtm.query(MetricQuery.builder(day)
                        .metric(MetricName.EVENT_COUNT)
                        .filter(DimensionFilter.exact(DimensionName.COUNTRY, "FR"))
                        .build()))
                .hasMessageContaining("a filter on 'country' is not offered");
    }

    @Test
    void more_than_a_year_is_refused() {
        GtmConnector gtm = GtmConnector.of(
                Fixtures.container(Fixtures.GMS), new TestContext(new FakeGa4Connector(), "2026-11-28"));
        assertThatThrownBy(() -> gtm.eventActivity(DateRange.parse("2024-01-01", "2026-01-01")))
                .isInstanceOf(SitelensException.class)
                .hasMessageContaining("366 days");
    }

    @Test
    void without_a_ga4_binding_the_error_names_the_capability() {
        GtmConnector gtm = GtmConnector.of(Fixtures.container(Fixtures.GMS), new TestContext(null, "2026-11-28"));
        assertThat(gtm.trackingPlan().containerId()).as("the plan needs no GA4").isEqualTo("GTM-ABCDEFG");
        assertThatThrownBy(gtm::eventActivity).isInstanceOfSatisfying(SitelensException.class, e -> {
            assertThat(e.category()).isEqualTo(ErrorCategory.USER);
            assertThat(e.getMessage()).contains("GA4_EVENTS", "default/test-site");
        });
    }

    @Test
    void bindings_are_validated_naming_the_keys(@TempDir Path dir) {
        GtmConnectorFactory f = new GtmConnectorFactory();
        TestContext ctx = new TestContext(null, "2026-11-28");
        assertThatThrownBy(() -> f.create(ConnectorConfig.of("gtm", "tags", Map.of()), ctx))
                .hasMessageContaining("binding 'tags' needs exportFile, or accountId and containerId");
        assertThatThrownBy(() -> f.create(
                        ConnectorConfig.of("gtm", "tags", Map.of("accountId", "12", "containerId", "GTM-K2W53WLF")),
                        ctx))
                .hasMessageContaining("containerId must be a number");
        assertThatThrownBy(() -> f.create(
                        ConnectorConfig.of("gtm", "tags", Map.of("accountId", "12", "containerId", "34")), ctx))
                .hasMessageContaining("credentials (or accessToken) is required");
        Path file = Fixtures.copy(Fixtures.GMS, dir);
        assertThat(f.create(ConnectorConfig.of("gtm", "tags", Map.of("exportFile", file.toString())), ctx)
                        .trackingPlan()
                        .measurementIds())
                .isEqualTo(List.of("G-AAAAAAAAAA"));
    }

    private static GtmEventActivity.EventActivity activity(GtmEventActivity a, String name) {
        return a.events().stream()
                .filter(e -> e.name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
