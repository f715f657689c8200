package io.sitelens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelValidationTest {

    @Test
    void date_ranges_are_inclusive_and_split_in_order() {
        DateRange r = DateRange.parse("2026-01-01", "2026-12-31");
        assertThat(r.days()).isEqualTo(365);
        assertThat(r.split(100)).hasSize(4).last().satisfies(p -> assertThat(p.end())
                .isEqualTo(r.end()));
        assertThat(r.previous()).isEqualTo(DateRange.parse("2025-01-01", "2025-12-31"));
        assertThatThrownBy(() -> DateRange.parse("2026-02-01", "2026-01-01")).hasMessageContaining("before it starts");
        assertThatThrownBy(() -> DateRange.parse("2026-13-01", "2026-12-01")).hasMessageContaining("start date");
    }

    @Test
    void metric_names_are_canonical_or_provider_prefixed() {
        assertThat(MetricName.parse("bounce_rate")).isEqualTo(MetricName.BOUNCE_RATE);
        assertThat(MetricName.BOUNCE_RATE.type()).isEqualTo(ValueType.RATE);
        MetricName n = MetricName.parse("ga4:screenPageViews");
        assertThat(n.provider()).contains("ga4");
        assertThat(n.localName()).isEqualTo("screenPageViews");
        assertThatThrownBy(() -> MetricName.parse("pageviews"))
                .hasMessageContaining("unknown metric 'pageviews'")
                .hasMessageContaining("page_views");
    }

    @Test
    void a_project_needs_an_absolute_web_url_and_unique_binding_ids() {
        assertThatThrownBy(() -> Project.builder(ProjectKey.of("t", "p"), URI.create("ftp://x/"))
                        .build())
                .hasMessageContaining("mainUrl");
        assertThatThrownBy(() -> Project.builder(ProjectKey.of("t", "p"), URI.create("https://x.org/"))
                        .binding(ConnectorBinding.of("a", "ga4", Map.of()))
                        .binding(ConnectorBinding.of("a", "matomo", Map.of()))
                        .build())
                .hasMessageContaining("'a' is used twice");
        assertThatThrownBy(() -> ProjectKey.of("Bad Tenant", "p")).hasMessageContaining("tenant id");
    }

    @Test
    void a_metric_table_refuses_rows_of_the_wrong_shape() {
        assertThatThrownBy(() -> MetricTable.builder(List.of(DimensionName.DATE), List.of(MetricName.SESSIONS))
                        .row(List.of("2026-01-01"), 1, 2)
                        .build())
                .hasMessageContaining("row 0");
        MetricTable t = MetricTable.builder(List.of(DimensionName.DATE), List.of(MetricName.SESSIONS))
                .row(List.of("2026-01-01"), 12)
                .note(DataQualityNote.Kind.SAMPLED, "sampled at 10%")
                .build();
        assertThat(t.count(t.rows().get(0), MetricName.SESSIONS)).isEqualTo(12);
        assertThat(t.hasNote(DataQualityNote.Kind.SAMPLED)).isTrue();
    }

    @Test
    void subjects_parse_type_value_and_emails_are_normalised() {
        SubjectIdentity s = SubjectIdentity.parse("email: Ana@Example.ORG ");
        assertThat(s.type()).isEqualTo(IdentityType.EMAIL);
        assertThat(s.value()).isEqualTo("ana@example.org");
        assertThat(SubjectIdentity.parse("matomo-visitor:abc123").type()).isEqualTo(IdentityType.MATOMO_VISITOR);
        assertThatThrownBy(() -> SubjectIdentity.parse("phone:123")).hasMessageContaining("unknown identity type");
    }

    @Test
    void consent_signals_that_only_refuse_cannot_grant() {
        assertThatThrownBy(() -> new ConsentRecord(
                        TenantId.DEFAULT,
                        SubjectIdentity.parse("visitor:v1"),
                        Purpose.BEHAVIOUR_TRACKING,
                        ConsentState.GRANTED,
                        java.time.Instant.EPOCH,
                        "v1",
                        ConsentMethod.GLOBAL_PRIVACY_CONTROL,
                        "s"))
                .hasMessageContaining("refusal");
    }

    @Test
    void insight_scores_stay_in_the_unit_interval() {
        assertThatThrownBy(() -> new Insight(
                        "t", 1.5, EntityRef.site(), DateRange.day(LocalDate.EPOCH), List.of(), "e", "a", "p"))
                .hasMessageContaining("[0,1]");
    }
}
