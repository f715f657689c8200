package io.sitelens.connector.matomo;

import static io.sitelens.connector.matomo.Answers.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.sitelens.model.DataQualityNote;
import io.sitelens.model.DateRange;
import io.sitelens.model.DimensionFilter;
import io.sitelens.model.DimensionName;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricQuery;
import io.sitelens.model.MetricRow;
import io.sitelens.model.MetricTable;
import io.sitelens.model.UsageKind;
import io.sitelens.model.ValueType;
import io.sitelens.spi.connector.MetricConnector;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Queries against a local Matomo replaying responses from Matomo's own test suite. */
class MatomoQueryIT {
    private static final DateRange JAN_3_TO_9 = DateRange.of(LocalDate.of(2010, 1, 3), LocalDate.of(2010, 1, 9));
    private static final JsonNode VISITS_BY_DAY = tree(FakeMatomo.fixture("VisitsSummary.get_days.derived.json"));
    private static final JsonNode PAGE_ROWS = tree(FakeMatomo.fixture("Actions.getPageUrls_flat.derived.json"));

    private final FakeMatomo matomo = new FakeMatomo();
    private final TestContext context = new TestContext();
    private MockWebServer server;
    private MetricConnector connector;

    private MetricConnector connect(Map<String, String> settings) {
        server = Servers.start(matomo);
        connector = new MatomoConnectorFactory().create(Servers.config(server, settings), context);
        return connector;
    }

    @AfterEach
    void stop() throws Exception {
        if (connector != null) {
            connector.close();
        }
        server.close();
    }

    /** Synthetic Actions.get answer: page views per day (no fixture of Actions.get exists in Matomo's tests). */
    private static String syntheticActionsGet(FakeMatomo.Call call) {
        return Answers.keyedByDay(call, tree("{\"nb_pageviews\":\"7\",\"nb_downloads\":0}"))
                .toString();
    }

    @Test
    void a_daily_site_series_is_one_bulk_post_with_the_token_only_in_the_body() {
        matomo.answer("VisitsSummary.get", c -> Answers.daysOf(VISITS_BY_DAY, c).toString())
                .answer("Actions.get", MatomoQueryIT::syntheticActionsGet);
        MetricTable t = connect(Map.of())
                .query(MetricQuery.builder(JAN_3_TO_9)
                        .metrics(List.of(
                                MetricName.SESSIONS, MetricName.PAGE_VIEWS, MetricName.USERS, MetricName.BOUNCE_RATE))
                        .metric(MetricName.AVERAGE_SESSION_DURATION)
                        .dimension(DimensionName.DATE)
                        .build());

        assertThat(matomo.requests)
                .as("both reports over the whole week in one round trip")
                .hasSize(1);
        FakeMatomo.Http http = matomo.requests.get(0);
        assertThat(http.path()).isEqualTo("/analytics/index.php");
        assertThat(http.query()).as("nothing in the URL").isEqualTo("null");
        assertThat(http.contentType()).startsWith("application/x-www-form-urlencoded");
        assertThat(http.form())
                .containsEntry("module", "API")
                .containsEntry("method", "API.getBulkRequest")
                .containsEntry("format", "JSON")
                .containsEntry("format_metrics", "0")
                .containsEntry("token_auth", Servers.TOKEN);
        String sub = URLDecoder.decode(http.form().get("urls[0]"), StandardCharsets.UTF_8);
        assertThat(FakeMatomo.decode(sub))
                .containsEntry("method", "VisitsSummary.get")
                .containsEntry("idSite", "1")
                .containsEntry("period", "day")
                .containsEntry("date", "2010-01-03,2010-01-09")
                .containsEntry("format_metrics", "0")
                .doesNotContainKey("token_auth");

        assertThat(t.rows()).hasSize(7);
        MetricRow jan3 = t.rows().get(0);
        assertThat(jan3.dimensionValues()).containsExactly("2010-01-03");
        assertThat(jan3.values()).containsExactly(2, 7, 2, 1.0, 0);
        MetricRow jan5 = t.rows().get(2);
        assertThat(jan5.values()).containsExactly(1, 7, 1, 0.0, 901);
        assertThat(t.duration(jan5, MetricName.AVERAGE_SESSION_DURATION)).hasSeconds(901);
        assertThat(context.used(UsageKind.API_CALL)).isEqualTo(1);
        assertThat(context.used(UsageKind.BYTES_FETCHED)).isPositive();
    }

    @Test
    void empty_days_and_formatted_cells_of_a_real_bulk_answer_are_read_tolerantly() {
        JsonNode bulk = tree(FakeMatomo.fixture("test_OneVisitorTwoVisits_bulk_json__API.getBulkRequest.json"));
        matomo.answer("VisitsSummary.get", c -> bulk.get(0).toString());
        MetricTable t = connect(Map.of())
                .query(MetricQuery.builder(DateRange.of(LocalDate.of(2010, 3, 6), LocalDate.of(2010, 3, 7)))
                        .metrics(List.of(MetricName.SESSIONS, MetricName.BOUNCE_RATE, MetricName.ENGAGEMENT_RATE))
                        .metric(MetricName.AVERAGE_SESSION_DURATION)
                        .dimension(DimensionName.DATE)
                        .build());
        assertThat(t.rows()).hasSize(2);
        assertThat(t.rows().get(0).values()).containsExactly(2, 0.5, 0.5, 811);
        MetricRow empty = t.rows().get(1);
        assertThat(empty.dimensionValues()).containsExactly("2010-03-07");
        assertThat(empty.value(0))
                .as("a day Matomo answers with [] had no visits")
                .isZero();
        assertThat(empty.value(1)).as("no bounce rate without visits").isNaN();
    }

    @Test
    void a_range_reaching_today_says_the_last_days_may_still_change() {
        matomo.answer("VisitsSummary.get", c -> Answers.daysOf(VISITS_BY_DAY, c).toString());
        LocalDate today = LocalDate.now(context.clock());
        MetricTable t = connect(Map.of())
                .query(MetricQuery.builder(DateRange.of(today.minusDays(3), today))
                        .metric(MetricName.SESSIONS)
                        .dimension(DimensionName.DATE)
                        .build());
        assertThat(t.rows()).hasSize(4).allSatisfy(r -> assertThat(r.value(0)).isZero());
        assertThat(t.hasNote(DataQualityNote.Kind.UNSETTLED)).isTrue();
    }

    @Test
    void page_urls_are_flat_and_paged_with_filter_limit_and_offset() {
        matomo.answer("Actions.getPageUrls", Answers.pagedRows(PAGE_ROWS));
        MetricTable t = connect(Map.of("pageSize", "2"))
                .query(MetricQuery.builder(DateRange.day(LocalDate.of(2010, 3, 6)))
                        .metrics(List.of(MetricName.PAGE_VIEWS, MetricName.SESSIONS, MetricName.EXITS))
                        .metric(MetricName.AVERAGE_ENGAGEMENT_TIME)
                        .dimensions(List.of(DimensionName.PAGE, DimensionName.PAGE_URL))
                        .build());

        List<FakeMatomo.Call> calls = matomo.calls("Actions.getPageUrls");
        assertThat(calls)
                .as("the second page is twice as large: the first was full")
                .extracting(
                        c -> c.params().get("filter_offset") + "+" + c.params().get("filter_limit"))
                .containsExactly("0+2", "2+4");
        assertThat(calls).allSatisfy(c -> assertThat(c.params())
                .containsEntry("flat", "1")
                .containsEntry("period", "day")
                .containsEntry("date", "2010-03-06"));
        assertThat(t.rows())
                .extracting(r -> r.dimension(0))
                .containsExactly("/", "/index.htm", "/index.htm?parameter=Should%20display");
        assertThat(t.rows().get(1).dimension(1)).isEqualTo("http://example.org/index.htm");
        assertThat(t.rows().get(1).values())
                .as("exit_nb_visits=1, avg_time_on_page=0")
                .containsExactly(1, 1, 1, 0);
        assertThat(t.rows().get(0).value(2))
                .as("Matomo leaves out zero exit counters")
                .isZero();
        assertThat(t.rows().get(0).value(3)).isEqualTo(180);
        assertThat(t.notes()).isEmpty();
    }

    @Test
    void daily_page_metrics_page_every_window_in_one_bulk_request_per_round() {
        matomo.answer("Actions.getPageUrls", Answers.pagedRows(PAGE_ROWS));
        MetricTable t = connect(Map.of("pageSize", "2", "windowDays", "2"))
                .query(MetricQuery.builder(DateRange.of(LocalDate.of(2010, 3, 1), LocalDate.of(2010, 3, 4)))
                        .metric(MetricName.PAGE_VIEWS)
                        .metric(MetricName.nativeName("matomo", "sum_time_spent", ValueType.DURATION))
                        .dimensions(List.of(DimensionName.DATE, DimensionName.PAGE))
                        .build());
        assertThat(matomo.requests).as("2 windows x 2 pages in 2 bulk requests").hasSize(2);
        assertThat(matomo.calls("Actions.getPageUrls"))
                .extracting(c -> c.params().get("date") + "@" + c.params().get("filter_offset"))
                .containsExactly(
                        "2010-03-01,2010-03-02@0", "2010-03-03,2010-03-04@0",
                        "2010-03-01,2010-03-02@2", "2010-03-03,2010-03-04@2");
        assertThat(t.rows()).hasSize(12);
        assertThat(t.rows()).extracting(r -> r.dimension(0)).isSorted();
        assertThat(t.rows().get(0).values()).containsExactly(1, 180);
        assertThat(t.metrics().get(1).type()).isEqualTo(ValueType.DURATION);
    }

    @Test
    void two_requests_are_in_flight_at_once_and_rows_still_come_in_date_order() {
        java.util.function.Function<FakeMatomo.Call, String> rows = Answers.pagedRows(PAGE_ROWS);
        matomo.http("Actions.getPageUrls", c -> new mockwebserver3.MockResponse.Builder()
                .headersDelay(400, java.util.concurrent.TimeUnit.MILLISECONDS)
                .setHeader("Content-Type", "application/json")
                .body(rows.apply(c))
                .build());
        long start = System.nanoTime();
        MetricTable t = connect(Map.of("windowDays", "1", "bulkSize", "1", "concurrency", "2"))
                .query(MetricQuery.builder(DateRange.of(LocalDate.of(2010, 3, 1), LocalDate.of(2010, 3, 4)))
                        .metric(MetricName.PAGE_VIEWS)
                        .dimensions(List.of(DimensionName.DATE, DimensionName.PAGE))
                        .build());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(matomo.requests).hasSize(4);
        assertThat(millis).as("4 requests of 400 ms, two at a time").isLessThan(1500);
        assertThat(t.rows()).hasSize(12);
        assertThat(t.rows()).extracting(r -> r.dimension(0)).isSorted();
    }

    @Test
    void a_failing_sub_request_of_a_bulk_request_fails_its_metrics_alone() {
        JsonNode goals = tree(FakeMatomo.fixture("Goals.get_day.derived.json"));
        matomo.answer("VisitsSummary.get", c -> Answers.daysOf(VISITS_BY_DAY, c).toString())
                .answer("Goals.get", c -> Answers.keyedByDay(c, goals).toString());
        // Events.getCategory is not answered: the fake says what Matomo says when the Events plugin is off
        MetricTable t = connect(Map.of())
                .query(MetricQuery.builder(DateRange.of(LocalDate.of(2010, 1, 3), LocalDate.of(2010, 1, 4)))
                        .metrics(List.of(
                                MetricName.SESSIONS,
                                MetricName.EVENT_COUNT,
                                MetricName.CONVERSIONS,
                                MetricName.REVENUE))
                        .dimension(DimensionName.DATE)
                        .build());
        assertThat(matomo.requests).hasSize(1);
        assertThat(t.rows()).hasSize(2);
        MetricRow jan3 = t.rows().get(0);
        assertThat(jan3.value(0)).isEqualTo(2);
        assertThat(jan3.value(1)).as("event_count could not be fetched").isNaN();
        assertThat(jan3.value(2)).isEqualTo(2);
        assertThat(jan3.value(3)).isEqualTo(43);
        assertThat(t.notes()).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(DataQualityNote.Kind.PARTIAL);
            assertThat(n.message()).contains("event_count", "Events.getCategory", "does not exist");
        });
    }

    @Test
    void matomos_others_row_is_kept_as_other_with_a_note_and_left_out_of_the_page_list() {
        ArrayNode rows = PAGE_ROWS.deepCopy();
        // synthetic: the summary row Matomo adds when a report was truncated at archiving
        rows.add(tree("{\"label\":\"Others\",\"nb_visits\":9,\"nb_hits\":12}"));
        matomo.answer("Actions.getPageUrls", Answers.pagedRows(rows));
        MetricConnector c = connect(Map.of());
        MetricTable t = c.query(MetricQuery.builder(DateRange.day(LocalDate.of(2010, 3, 6)))
                .metric(MetricName.PAGE_VIEWS)
                .dimension(DimensionName.PAGE)
                .build());
        assertThat(t.rows()).extracting(r -> r.dimension(0)).contains("(other)");
        assertThat(t.hasNote(DataQualityNote.Kind.OTHER_ROW)).isTrue();
        assertThat(c.pages(DateRange.day(LocalDate.of(2010, 3, 6))))
                .containsExactly("/", "/index.htm", "/index.htm?parameter=Should%20display");
    }

    @Test
    void a_row_limit_stops_paging_and_says_the_table_is_truncated() {
        matomo.answer("Actions.getPageUrls", Answers.pagedRows(PAGE_ROWS));
        MetricTable t = connect(Map.of())
                .query(MetricQuery.builder(DateRange.day(LocalDate.of(2010, 3, 6)))
                        .metric(MetricName.PAGE_VIEWS)
                        .dimension(DimensionName.PAGE)
                        .rowLimit(2)
                        .build());
        assertThat(t.rows()).hasSize(2);
        assertThat(t.hasNote(DataQualityNote.Kind.TRUNCATED)).isTrue();
        assertThat(matomo.requests).hasSize(1);
    }

    @Test
    void filters_apply_to_the_canonical_page_path() {
        matomo.answer("Actions.getPageUrls", Answers.pagedRows(PAGE_ROWS));
        MetricTable t = connect(Map.of())
                .query(MetricQuery.builder(DateRange.day(LocalDate.of(2010, 3, 6)))
                        .metric(MetricName.PAGE_VIEWS)
                        .dimension(DimensionName.PAGE)
                        .filter(new DimensionFilter(
                                DimensionName.PAGE, DimensionFilter.Match.BEGINS_WITH, List.of("/index.htm")))
                        .build());
        assertThat(t.rows())
                .extracting(r -> r.dimension(0))
                .allMatch(p -> p.startsWith("/index.htm"))
                .hasSize(2);
    }

    @Test
    void entry_pages_carry_their_bounce_rate() {
        // synthetic rows in the shape of Actions.getEntryPageUrls (flat): entry counters per landing page
        matomo.answer(
                "Actions.getEntryPageUrls",
                Answers.pagedRows(tree("[{\"label\":\"/pricing\",\"entry_nb_visits\":4,\"entry_bounce_count\":1,"
                        + "\"entry_sum_visit_length\":400,\"bounce_rate\":\"25%\",\"url\":\"https://example.org/pricing\"},"
                        + "{\"label\":\"/\",\"entry_nb_visits\":\"10\",\"entry_bounce_count\":\"5\","
                        + "\"url\":\"https://example.org/\"}]")));
        MetricTable t = connect(Map.of())
                .query(MetricQuery.builder(DateRange.of(LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 31)))
                        .metrics(List.of(MetricName.SESSIONS, MetricName.BOUNCE_RATE))
                        .metric(MetricName.AVERAGE_SESSION_DURATION)
                        .dimension(DimensionName.LANDING_PAGE)
                        .build());
        assertThat(matomo.calls("Actions.getEntryPageUrls").get(0).params())
                .containsEntry("period", "range")
                .containsEntry("date", "2024-05-01,2024-05-31");
        assertThat(t.rows().get(0).dimensionValues()).containsExactly("/pricing");
        assertThat(t.rows().get(0).values()).containsExactly(4, 0.25, 100);
        assertThat(t.rows().get(1).values()[1]).isEqualTo(0.5);
    }

    @Test
    void page_titles_are_read_from_the_flat_titles_report() {
        // synthetic rows in the shape of Actions.getPageTitles (flat): labels as Matomo writes them, leading space
        matomo.answer(
                "Actions.getPageTitles",
                Answers.pagedRows(tree("[{\"label\":\" Pricing - Example\",\"nb_hits\":\"40\",\"nb_visits\":31,"
                        + "\"entry_nb_visits\":10,\"entry_bounce_count\":4,\"sum_time_spent\":1200},"
                        + "{\"label\":\"Docs - Example\",\"nb_hits\":7,\"nb_visits\":5}]")));
        MetricTable t = connect(Map.of())
                .query(MetricQuery.builder(DateRange.day(LocalDate.of(2024, 5, 1)))
                        .metrics(List.of(MetricName.PAGE_VIEWS, MetricName.BOUNCE_RATE, MetricName.ENTRANCES))
                        .metric(MetricName.AVERAGE_ENGAGEMENT_TIME)
                        .dimension(DimensionName.PAGE_TITLE)
                        .build());
        assertThat(matomo.calls("Actions.getPageTitles").get(0).params()).containsEntry("flat", "1");
        assertThat(t.rows().get(0).dimensionValues()).containsExactly("Pricing - Example");
        assertThat(t.rows().get(0).values()).containsExactly(40, 0.4, 10, 1200.0 / 31);
        assertThat(t.rows().get(1).value(2))
                .as("no entry counter: no entrances")
                .isZero();
    }

    @Test
    void a_canonical_metric_a_report_cannot_give_is_refused_before_any_request() {
        MetricConnector c = connect(Map.of());
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> c.query(MetricQuery.builder(DateRange.day(LocalDate.of(2024, 5, 1)))
                                .metric(MetricName.CONVERSIONS)
                                .dimension(DimensionName.PAGE)
                                .build()))
                .isInstanceOfSatisfying(io.sitelens.SitelensException.class, e -> {
                    assertThat(e.category()).isEqualTo(io.sitelens.ErrorCategory.USER);
                    assertThat(e.getMessage()).contains("conversions", "Actions.getPageUrls", "page_views");
                });
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> c.query(MetricQuery.builder(DateRange.day(LocalDate.of(2024, 5, 1)))
                                .metric(MetricName.SESSIONS)
                                .dimension(DimensionName.COUNTRY)
                                .build()))
                .hasMessageContaining("dimension 'country' is not available");
        assertThat(matomo.requests).isEmpty();
    }

    @Test
    void events_by_category_and_the_site_wide_event_count() {
        matomo.answer("Events.getCategory", "Events.getCategory_day.derived.json");
        MetricConnector c = connect(Map.of());
        MetricTable byCategory = c.query(MetricQuery.builder(DateRange.day(LocalDate.of(2010, 1, 3)))
                .metrics(List.of(MetricName.EVENT_COUNT))
                .metric(MetricName.nativeName("matomo", "sum_event_value", ValueType.NUMBER))
                .dimension(new DimensionName("matomo:eventCategory"))
                .build());
        MetricRow movie = byCategory.rows().stream()
                .filter(r -> r.dimension(0).equals("Movie"))
                .findFirst()
                .orElseThrow();
        assertThat(movie.value(0)).isEqualTo(28);
        assertThat(movie.value(1)).isCloseTo(19.32, within(1e-9));

        double total = byCategory.rows().stream().mapToDouble(r -> r.value(0)).sum();
        MetricTable site = c.query(MetricQuery.builder(DateRange.day(LocalDate.of(2010, 1, 3)))
                .metric(MetricName.EVENT_COUNT)
                .build());
        assertThat(site.rows().get(0).value(0)).isEqualTo(total);
        assertThat(matomo.calls("Events.getCategory").get(1).params()).containsEntry("filter_limit", "-1");
    }

    @Test
    void goals_and_conversions_over_a_range() {
        matomo.answer("Goals.get", "Goals.get_day.derived.json");
        MetricTable t = connect(Map.of())
                .query(MetricQuery.builder(DateRange.of(LocalDate.of(2010, 3, 1), LocalDate.of(2010, 3, 31)))
                        .metrics(List.of(MetricName.CONVERSIONS, MetricName.REVENUE))
                        .metric(MetricName.nativeName("matomo", "conversion_rate", ValueType.NUMBER))
                        .build());
        assertThat(t.rows()).hasSize(1);
        assertThat(t.rows().get(0).values()).containsExactly(2, 43, 1.0);
        assertThat(t.metrics().get(2).type())
                .as("Matomo declares conversion_rate a percent")
                .isEqualTo(ValueType.RATE);
        assertThat(matomo.calls("Goals.get").get(0).params()).containsEntry("period", "range");
    }

    @Test
    void native_names_of_the_main_reports_need_no_catalog_request() {
        matomo.answer("VisitsSummary.get", c -> Answers.daysOf(VISITS_BY_DAY, c).toString())
                .answer("Actions.get", MatomoQueryIT::syntheticActionsGet);
        MetricTable t = connect(Map.of())
                .query(MetricQuery.builder(JAN_3_TO_9)
                        .metric(MetricName.parse("matomo:nb_actions"))
                        .metric(MetricName.parse("matomo:nb_pageviews"))
                        .metric(MetricName.parse("matomo:max_actions"))
                        .dimension(DimensionName.DATE)
                        .build());
        assertThat(t.rows().get(2).values()).containsExactly(5, 7, 5);
        assertThat(t.metrics()).extracting(MetricName::type).containsOnly(ValueType.COUNT);
        assertThat(matomo.calls("API.getReportMetadata")).isEmpty();
    }

    @Test
    void other_native_names_are_found_in_the_catalog_with_their_report() {
        matomo.answer("API.getReportMetadata", "API.getReportMetadata_day.derived.json")
                // synthetic VisitFrequency.get answer (Matomo's test suite has none in JSON or XML at hand)
                .answer("VisitFrequency.get", c -> Answers.keyedByDay(
                                c, tree("{\"nb_visits_new\":\"3\",\"bounce_rate_new\":0.25}"))
                        .toString());
        MetricConnector c = connect(Map.of());
        MetricTable t = c.query(MetricQuery.builder(JAN_3_TO_9)
                .metric(MetricName.parse("matomo:nb_visits_new"))
                .metric(MetricName.parse("matomo:bounce_rate_new"))
                .dimension(DimensionName.DATE)
                .build());
        assertThat(t.rows()).hasSize(7).allSatisfy(r -> assertThat(r.values()).containsExactly(3, 0.25));
        assertThat(t.metrics()).extracting(MetricName::type).containsExactly(ValueType.COUNT, ValueType.RATE);
        c.query(MetricQuery.builder(JAN_3_TO_9)
                .metric(MetricName.parse("matomo:nb_users_new"))
                .build());
        assertThat(matomo.calls("API.getReportMetadata"))
                .as("the catalog is read once")
                .hasSize(1);
    }
}
