package io.sitelens.connector.ga4;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.sitelens.connector.ga4.Ga4Stub.BASE;
import static io.sitelens.connector.ga4.Ga4Stub.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.sitelens.ErrorCategory;
import io.sitelens.SitelensException;
import io.sitelens.model.DataQualityNote;
import io.sitelens.model.DateRange;
import io.sitelens.model.DimensionFilter;
import io.sitelens.model.DimensionName;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricQuery;
import io.sitelens.model.MetricTable;
import io.sitelens.model.UsageKind;
import io.sitelens.model.ValueType;
import io.sitelens.spi.connector.Catalog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reports against a WireMock stub of the GA4 Data API replaying real (and labelled synthetic) responses. */
class Ga4ReportsIT {
    private final Ga4Stub stub = new Ga4Stub();
    private static final DateRange MARCH = DateRange.parse("2024-03-01", "2024-03-03");

    @AfterEach
    void stop() {
        stub.close();
    }

    private static MetricName ga4(String name) {
        return MetricName.nativeName("ga4", name, ValueType.NUMBER);
    }

    @Test
    void a_real_page_report_answers_canonical_page_and_title_with_totals() {
        stub.metadata("getMetadata.synthetic-extended.json");
        stub.compatible();
        stub.stub(Ga4Stub.runReport().willReturn(json(200, "runReport.sitekit-pagePath-pageTitle.json")));
        try (Ga4Connector c = stub.connector()) {
            MetricTable t = c.query(MetricQuery.builder(DateRange.parse("2023-01-01", "2023-01-31"))
                    .metric(MetricName.PAGE_VIEWS)
                    .dimension(DimensionName.PAGE)
                    .dimension(DimensionName.PAGE_TITLE)
                    .build());
            assertThat(t.rows()).hasSize(3);
            assertThat(t.rows().get(0).dimensionValues()).containsExactly("/", "HOME");
            assertThat(t.count(t.rows().get(0), MetricName.PAGE_VIEWS)).isEqualTo(110);
            assertThat(t.totalsRow()).isPresent();
            assertThat(t.metrics().get(0).type()).isEqualTo(ValueType.COUNT);
        }
        stub.server.verify(postRequestedFor(urlPathEqualTo(BASE + ":runReport"))
                .withRequestBody(matchingJsonPath("$.dimensions[0].name", equalTo("pagePath")))
                .withRequestBody(matchingJsonPath("$.dimensions[1].name", equalTo("pageTitle")))
                .withRequestBody(matchingJsonPath("$.metrics[0].name", equalTo("screenPageViews")))
                .withRequestBody(matchingJsonPath("$.limit", equalTo("250000")))
                .withRequestBody(matchingJsonPath("$.returnPropertyQuota", equalTo("true"))));
    }

    @Test
    void real_values_are_typed_from_metric_headers_into_canonical_units() {
        stub.metadata("getMetadata.airbyte-subset.json");
        stub.compatible();
        stub.stub(Ga4Stub.runReport().willReturn(json(200, "runReport.airbyte-date-device-os-browser.json")));
        try (Ga4Connector c = stub.connector()) {
            MetricTable t = c.query(MetricQuery.builder(DateRange.parse("2022-07-01", "2022-07-31"))
                    .metric(ga4("totalUsers"))
                    .metric(MetricName.NEW_USERS)
                    .metric(MetricName.SESSIONS)
                    .metric(ga4("sessionsPerUser"))
                    .metric(MetricName.AVERAGE_SESSION_DURATION)
                    .metric(MetricName.PAGE_VIEWS)
                    .metric(ga4("screenPageViewsPerSession"))
                    .metric(MetricName.BOUNCE_RATE)
                    .dimension(DimensionName.DATE)
                    .dimension(new DimensionName("ga4:deviceCategory"))
                    .dimension(new DimensionName("ga4:operatingSystem"))
                    .dimension(new DimensionName("ga4:browser"))
                    .build());
            var first = t.rows().get(0);
            assertThat(first.dimensionValues()).containsExactly("2022-07-31", "desktop", "Macintosh", "Chrome");
            assertThat(t.count(first, MetricName.SESSIONS)).isEqualTo(420);
            assertThat(first.value(t.metricIndex(MetricName.BOUNCE_RATE)))
                    .as("bounce rate stays a fraction")
                    .isCloseTo(0.4785714, within(1e-6));
            assertThat(t.duration(first, MetricName.AVERAGE_SESSION_DURATION).toMillis())
                    .isEqualTo(194_763);
            assertThat(t.metrics().get(3).type())
                    .as("ga4:sessionsPerUser is a plain number")
                    .isEqualTo(ValueType.NUMBER);
            assertThat(t.metrics().get(0).type()).isEqualTo(ValueType.COUNT);
            assertThat(t.hasNote(DataQualityNote.Kind.UNSETTLED)).isFalse();
        }
    }

    @Test
    void a_real_engagement_series_is_seconds_on_iso_dates() {
        stub.metadata("getMetadata.synthetic-extended.json");
        stub.compatible();
        stub.stub(Ga4Stub.runReport().willReturn(json(200, "runReport.sitekit-date-userEngagementDuration.json")));
        try (Ga4Connector c = stub.connector()) {
            MetricTable t = c.query(MetricQuery.builder(DateRange.parse("2023-01-01", "2023-12-31"))
                    .metric(MetricName.ENGAGEMENT_DURATION)
                    .dimension(DimensionName.DATE)
                    .build());
            assertThat(t.rows().get(0).dimensionValues()).containsExactly("2023-01-10");
            assertThat(t.rows().get(0).value(0)).isEqualTo(5568.0);
            assertThat(t.metrics().get(0).type()).isEqualTo(ValueType.DURATION);
        }
    }

    @Test
    void a_report_of_three_pages_is_paged_by_offset_until_row_count_and_joined_in_order() {
        stub.metadata("getMetadata.synthetic-extended.json");
        stub.compatible();
        stub.stub(Ga4Stub.runReport().willReturn(json(200, "runReport.synthetic-page-1-of-3.json")));
        stub.stub(Ga4Stub.runReport()
                .withRequestBody(matchingJsonPath("$.offset", equalTo("2")))
                .willReturn(json(200, "runReport.synthetic-page-2-of-3.json")));
        stub.stub(Ga4Stub.runReport()
                .withRequestBody(matchingJsonPath("$.offset", equalTo("4")))
                .willReturn(json(200, "runReport.synthetic-page-3-of-3.json")));
        Ga4Stub.Context ctx = new Ga4Stub.Context();
        try (Ga4Connector c = stub.connector(new Ga4ConnectorFactory().withMaxRowsPerRequest(2), ctx, Map.of())) {
            MetricTable t = c.query(MetricQuery.builder(MARCH)
                    .metric(MetricName.PAGE_VIEWS)
                    .metric(MetricName.BOUNCE_RATE)
                    .metric(MetricName.AVERAGE_ENGAGEMENT_TIME)
                    .dimension(DimensionName.DATE)
                    .dimension(DimensionName.PAGE)
                    .build());
            assertThat(t.rows())
                    .extracting(r -> String.join(" ", r.dimensionValues()))
                    .containsExactly(
                            "2024-03-01 /",
                            "2024-03-01 /pricing",
                            "2024-03-02 /",
                            "2024-03-02 /pricing",
                            "2024-03-03 /");
            assertThat(t.rows().get(0).value(2))
                    .as("average engagement time = 3600 s / 60 users")
                    .isEqualTo(60.0);
            assertThat(t.rows().get(3).value(2)).as("no users: no average").isNaN();
            assertThat(t.totalsRow()).get().satisfies(r -> assertThat(r.value(0))
                    .isEqualTo(395));
            assertThat(c.quota()).get().satisfies(q -> assertThat(q.tokensPerDayRemaining())
                    .isEqualTo(199988));
        }
        stub.server.verify(3, postRequestedFor(urlPathEqualTo(BASE + ":runReport")));
        stub.server.verify(
                1,
                postRequestedFor(urlPathEqualTo(BASE + ":runReport"))
                        .withRequestBody(matchingJsonPath("$.offset", equalTo("4")))
                        .withRequestBody(matchingJsonPath("$.limit", equalTo("2"))));
        stub.server.verify(0, postRequestedFor(urlPathEqualTo(BASE + ":batchRunReports")));
        assertThat(ctx.used(UsageKind.API_CALL))
                .as("metadata, compatibility, three pages")
                .isEqualTo(5);
        assertThat(ctx.used(UsageKind.QUOTA_TOKENS))
                .as("12 tokens for each of 3 reports")
                .isEqualTo(36);
    }

    @Test
    void eleven_metrics_are_split_into_two_requests_of_one_batch_and_joined_on_the_date() {
        stub.metadata("getMetadata.airbyte-subset.json");
        stub.compatible();
        stub.stub(Ga4Stub.batch().willReturn(json(200, "batchRunReports.synthetic-split-11-metrics.json")));
        List<String> names = List.of(
                "active1DayUsers",
                "active28DayUsers",
                "active7DayUsers",
                "averageSessionDuration",
                "bounceRate",
                "newUsers",
                "screenPageViews",
                "screenPageViewsPerSession",
                "sessions",
                "sessionsPerUser",
                "totalUsers");
        try (Ga4Connector c = stub.connector()) {
            MetricTable t = c.query(MetricQuery.builder(MARCH)
                    .metrics(names.stream().map(Ga4ReportsIT::ga4).toList())
                    .dimension(DimensionName.DATE)
                    .build());
            assertThat(t.metrics()).hasSize(11);
            assertThat(t.rows()).hasSize(2);
            assertThat(t.rows().get(0).value(10)).isEqualTo(7.0);
            assertThat(t.rows().get(1).value(10))
                    .as("a row GA4 left out of a chunk has zeros")
                    .isEqualTo(0.0);
            assertThat(t.rows().get(1).value(0)).isEqualTo(20.0);
        }
        stub.server.verify(
                1,
                postRequestedFor(urlPathEqualTo(BASE + ":batchRunReports"))
                        .withRequestBody(matchingJsonPath("$.requests[0].metrics.length()", equalTo("10")))
                        .withRequestBody(matchingJsonPath("$.requests[1].metrics.length()", equalTo("1")))
                        .withRequestBody(matchingJsonPath("$.requests[1].metrics[0].name", equalTo("totalUsers"))));
        stub.server.verify(0, postRequestedFor(urlPathEqualTo(BASE + ":runReport")));
    }

    @Test
    void several_small_queries_share_one_batch() {
        stub.metadata("getMetadata.synthetic-extended.json");
        stub.compatible();
        stub.stub(Ga4Stub.batch().willReturn(json(200, "batchRunReports.synthetic-two-queries.json")));
        try (Ga4Connector c = stub.connector()) {
            List<MetricTable> tables = c.queryAll(List.of(
                    MetricQuery.builder(MARCH)
                            .metric(MetricName.SESSIONS)
                            .dimension(DimensionName.DATE)
                            .build(),
                    MetricQuery.builder(MARCH)
                            .metric(MetricName.PAGE_VIEWS)
                            .dimension(DimensionName.DATE)
                            .filter(DimensionFilter.exact(DimensionName.PAGE, "/"))
                            .build()));
            assertThat(tables.get(0).rows().get(0).value(0)).isEqualTo(5.0);
            assertThat(tables.get(1).rows()).hasSize(2);
            assertThat(tables.get(1).rows().get(1).dimensionValues()).containsExactly("2024-03-02");
        }
        stub.server.verify(1, postRequestedFor(urlPathEqualTo(BASE + ":batchRunReports")));
    }

    @Test
    void more_than_nine_dimensions_are_refused_before_any_report() {
        stub.metadata("getMetadata.synthetic-extended.json");
        List<String> dims = List.of(
                "browser",
                "city",
                "country",
                "date",
                "deviceCategory",
                "hostName",
                "operatingSystem",
                "region",
                "sessionMedium",
                "sessionSource");
        try (Ga4Connector c = stub.connector()) {
            MetricQuery q = MetricQuery.builder(MARCH)
                    .metric(MetricName.SESSIONS)
                    .dimensions(dims.stream()
                            .map(d -> new DimensionName("ga4:" + d))
                            .toList())
                    .build();
            assertThatThrownBy(() -> c.query(q)).isInstanceOfSatisfying(SitelensException.class, e -> {
                assertThat(e.category()).isEqualTo(ErrorCategory.USER);
                assertThat(e.getMessage()).contains("at most 9 dimensions").contains("10");
            });
        }
        stub.server.verify(0, postRequestedFor(urlPathEqualTo(BASE + ":runReport")));
    }

    @Test
    void an_incompatible_combination_is_refused_after_check_compatibility_naming_the_culprits() {
        stub.metadata("getMetadata.synthetic-extended.json");
        stub.stub(post(urlPathEqualTo(BASE + ":checkCompatibility"))
                .willReturn(json(200, "checkCompatibility.synthetic-incompatible.json")));
        try (Ga4Connector c = stub.connector()) {
            MetricQuery q = MetricQuery.builder(MARCH)
                    .metric(MetricName.SESSIONS)
                    .dimension(DimensionName.PAGE)
                    .dimension(DimensionName.EVENT_NAME)
                    .build();
            assertThatThrownBy(() -> c.query(q)).isInstanceOfSatisfying(SitelensException.class, e -> {
                assertThat(e.category()).isEqualTo(ErrorCategory.USER);
                assertThat(e.getMessage())
                        .contains("eventName")
                        .contains("sessions")
                        .doesNotContain("pagePath");
            });
        }
        stub.server.verify(0, postRequestedFor(urlPathEqualTo(BASE + ":runReport")));
    }

    @Test
    void a_compatible_combination_is_checked_once() {
        stub.metadata("getMetadata.synthetic-extended.json");
        stub.compatible();
        stub.stub(Ga4Stub.runReport().willReturn(json(200, "runReport.synthetic-sampled.json")));
        try (Ga4Connector c = stub.connector()) {
            MetricQuery q = MetricQuery.builder(MARCH)
                    .metric(MetricName.SESSIONS)
                    .dimension(DimensionName.DATE)
                    .build();
            c.query(q);
            c.query(q);
        }
        stub.server.verify(1, postRequestedFor(urlPathEqualTo(BASE + ":checkCompatibility")));
        stub.server.verify(2, postRequestedFor(urlPathEqualTo(BASE + ":runReport")));
    }

    @Test
    void thresholding_other_row_and_sampling_become_notes() {
        stub.metadata("getMetadata.synthetic-extended.json");
        stub.compatible();
        stub.stub(Ga4Stub.runReport()
                .withRequestBody(matchingJsonPath("$.dimensions[1].name", equalTo("pagePath")))
                .willReturn(json(200, "runReport.synthetic-thresholded-other-row.json")));
        stub.stub(Ga4Stub.runReport()
                .withRequestBody(matchingJsonPath("$.metrics[0].name", equalTo("sessions")))
                .willReturn(json(200, "runReport.synthetic-sampled.json")));
        try (Ga4Connector c = stub.connector()) {
            MetricTable thresholded = c.query(MetricQuery.builder(MARCH)
                    .metric(MetricName.PAGE_VIEWS)
                    .dimension(DimensionName.DATE)
                    .dimension(DimensionName.PAGE)
                    .build());
            assertThat(thresholded.hasNote(DataQualityNote.Kind.THRESHOLDED)).isTrue();
            assertThat(thresholded.hasNote(DataQualityNote.Kind.OTHER_ROW)).isTrue();
            assertThat(thresholded.hasNote(DataQualityNote.Kind.SAMPLED)).isFalse();
            MetricTable sampled = c.query(MetricQuery.builder(MARCH)
                    .metric(MetricName.SESSIONS)
                    .dimension(DimensionName.DATE)
                    .build());
            assertThat(sampled.notes())
                    .filteredOn(n -> n.kind() == DataQualityNote.Kind.SAMPLED)
                    .singleElement()
                    .satisfies(n -> assertThat(n.message())
                            .contains("1000000 of 4000000")
                            .contains("25.0%"));
        }
    }

    @Test
    void a_filter_on_the_canonical_date_is_sent_in_ga4_form() {
        stub.metadata("getMetadata.synthetic-extended.json");
        stub.compatible();
        stub.stub(Ga4Stub.runReport().willReturn(json(200, "runReport.synthetic-sampled.json")));
        try (Ga4Connector c = stub.connector()) {
            c.query(MetricQuery.builder(MARCH)
                    .metric(MetricName.SESSIONS)
                    .dimension(DimensionName.DATE)
                    .filter(DimensionFilter.exact(DimensionName.DATE, "2024-03-01"))
                    .build());
        }
        stub.server.verify(postRequestedFor(urlPathEqualTo(BASE + ":runReport"))
                .withRequestBody(matchingJsonPath("$.dimensionFilter.filter.fieldName", equalTo("date")))
                .withRequestBody(matchingJsonPath("$.dimensionFilter.filter.stringFilter.value", equalTo("20240301"))));
    }

    @Test
    void realtime_reports_cover_the_last_thirty_minutes() {
        stub.stub(post(urlPathEqualTo(BASE + ":runRealtimeReport"))
                .willReturn(json(200, "runRealtimeReport.synthetic.json")));
        Ga4Stub.Context ctx = new Ga4Stub.Context();
        try (Ga4Connector c = stub.connector(new Ga4ConnectorFactory(), ctx, Map.of())) {
            MetricTable t = c.query(MetricQuery.builder(MARCH)
                    .metric(MetricName.USERS)
                    .dimension(DimensionName.PAGE_TITLE)
                    .dimension(Ga4Connector.MINUTES_AGO)
                    .build());
            assertThat(t.rows()).hasSize(2);
            assertThat(t.rows().get(1).dimensionValues()).containsExactly("Home - Example", "04");
            assertThat(t.rows().get(1).value(0)).isEqualTo(7.0);
        }
        stub.server.verify(postRequestedFor(urlPathEqualTo(BASE + ":runRealtimeReport"))
                .withRequestBody(matchingJsonPath("$.minuteRanges[0].startMinutesAgo", equalTo("29")))
                .withRequestBody(matchingJsonPath("$.dimensions[0].name", equalTo("unifiedScreenName")))
                .withRequestBody(matchingJsonPath("$.metrics[0].name", equalTo("activeUsers"))));
        assertThat(ctx.used(UsageKind.QUOTA_TOKENS)).isEqualTo(12);
    }

    @Test
    void the_catalog_maps_metadata_to_canonical_and_native_names_with_custom_definitions() {
        stub.metadata("getMetadata.synthetic-extended.json");
        try (Ga4Connector c = stub.connector()) {
            Catalog cat = c.catalog();
            assertThat(cat.metric(MetricName.PAGE_VIEWS)).get().satisfies(m -> assertThat(m.nativeName())
                    .isEqualTo("screenPageViews"));
            assertThat(cat.metric(MetricName.AVERAGE_ENGAGEMENT_TIME)).isPresent();
            assertThat(cat.metric(MetricName.ENTRANCES))
                    .as("not in this property's metadata")
                    .isEmpty();
            assertThat(cat.metric(ga4("customEvent:reading_time"))).get().satisfies(m -> {
                assertThat(m.custom()).isTrue();
                assertThat(m.name().type()).isEqualTo(ValueType.DURATION);
            });
            assertThat(cat.dimension(new DimensionName("ga4:customEvent:article_author")))
                    .get()
                    .satisfies(d -> assertThat(d.custom()).isTrue());
            assertThat(cat.dimension(DimensionName.LANDING_PAGE)).isPresent();
            assertThat(cat.dimension(DimensionName.PAGE_URL)).isPresent();
            assertThat(cat.dimension(DimensionName.HOST)).isPresent();
        }
    }

    @Test
    void a_canonical_metric_the_property_lacks_is_a_user_error_naming_the_ga4_metric() {
        stub.metadata("getMetadata.airbyte-subset.json");
        try (Ga4Connector c = stub.connector()) {
            MetricQuery q = MetricQuery.builder(MARCH)
                    .metric(MetricName.USERS)
                    .dimension(DimensionName.DATE)
                    .build();
            assertThatThrownBy(() -> c.query(q))
                    .isInstanceOfSatisfying(SitelensException.class, e -> assertThat(e.category())
                            .isEqualTo(ErrorCategory.USER))
                    .hasMessageContaining("activeUsers")
                    .hasMessageContaining("users");
        }
    }

    @Test
    void the_row_limit_caps_rows_and_says_the_report_was_truncated() {
        stub.metadata("getMetadata.synthetic-extended.json");
        stub.compatible();
        stub.stub(Ga4Stub.runReport().willReturn(json(200, "runReport.synthetic-page-1-of-3.json")));
        try (Ga4Connector c = stub.connector()) {
            MetricTable t = c.query(MetricQuery.builder(MARCH)
                    .metric(MetricName.PAGE_VIEWS)
                    .dimension(DimensionName.DATE)
                    .dimension(DimensionName.PAGE)
                    .rowLimit(2)
                    .build());
            assertThat(t.rows()).hasSize(2);
            assertThat(t.hasNote(DataQualityNote.Kind.TRUNCATED)).isTrue();
        }
        stub.server.verify(1, postRequestedFor(urlPathEqualTo(BASE + ":runReport")));
    }
}
