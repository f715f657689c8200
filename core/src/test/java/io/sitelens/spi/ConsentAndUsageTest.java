package io.sitelens.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitelens.Sitelens;
import io.sitelens.UsageRecorder;
import io.sitelens.memory.InMemoryStorageAdapter;
import io.sitelens.model.ConsentMethod;
import io.sitelens.model.ConsentRecord;
import io.sitelens.model.ConsentState;
import io.sitelens.model.ProjectKey;
import io.sitelens.model.Purpose;
import io.sitelens.model.SubjectIdentity;
import io.sitelens.model.TenantId;
import io.sitelens.model.UsageKind;
import io.sitelens.spi.consent.StrictOptInConsentPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ConsentAndUsageTest {
    private static final Instant T = Instant.parse("2026-05-01T12:00:00Z");

    @Test
    void strict_opt_in_denies_without_a_record_allows_after_a_grant_and_denies_at_once_after_withdrawal() {
        InMemoryStorageAdapter store = new InMemoryStorageAdapter();
        Sitelens s = Sitelens.builder()
                .storage(store)
                .consentPolicy(StrictOptInConsentPolicy::new)
                .build();
        SubjectIdentity v = SubjectIdentity.parse("visitor:v1");
        assertThat(s.consentPolicy()
                        .decide(TenantId.DEFAULT, v, Purpose.BEHAVIOUR_TRACKING, T)
                        .allowed())
                .isFalse();
        store.consents()
                .append(new ConsentRecord(
                        TenantId.DEFAULT,
                        v,
                        Purpose.BEHAVIOUR_TRACKING,
                        ConsentState.GRANTED,
                        T,
                        "v3",
                        ConsentMethod.BANNER,
                        "site"));
        assertThat(s.consentPolicy()
                        .decide(TenantId.DEFAULT, v, Purpose.BEHAVIOUR_TRACKING, T)
                        .allowed())
                .isTrue();
        assertThat(s.consentPolicy()
                        .decide(TenantId.DEFAULT, v, Purpose.GEOLOCATION, T)
                        .allowed())
                .as("consent is per purpose")
                .isFalse();
        store.consents()
                .append(new ConsentRecord(
                        TenantId.DEFAULT,
                        v,
                        Purpose.BEHAVIOUR_TRACKING,
                        ConsentState.WITHDRAWN,
                        T.plusSeconds(1),
                        "v3",
                        ConsentMethod.GLOBAL_PRIVACY_CONTROL,
                        "site"));
        assertThat(s.consentPolicy().decide(TenantId.DEFAULT, v, Purpose.BEHAVIOUR_TRACKING, T.plusSeconds(1)))
                .satisfies(d -> {
                    assertThat(d.allowed()).isFalse();
                    assertThat(d.reason()).contains("withdrawn");
                });
    }

    @Test
    void usage_is_added_up_in_memory_and_stored_per_provider_and_kind_on_flush() {
        InMemoryStorageAdapter store = new InMemoryStorageAdapter();
        ProjectKey p = ProjectKey.of("acme", "www");
        UsageRecorder r = new UsageRecorder(p, "ga4", store.usage(), Clock.fixed(T, ZoneOffset.UTC));
        for (int i = 0; i < 5; i++) {
            r.apiCall();
        }
        r.record(UsageKind.QUOTA_TOKENS, 42);
        r.record(UsageKind.BYTES_FETCHED, -3); // ignored: never throws on bad input
        assertThat(store.usage().summarize(p, T, T.plusSeconds(1)).total(UsageKind.API_CALL))
                .isZero();
        r.close();
        var summary = store.usage().summarize(p, T, T.plus(Duration.ofDays(1)));
        assertThat(summary.total("ga4", UsageKind.API_CALL)).isEqualTo(5);
        assertThat(summary.total("ga4", UsageKind.QUOTA_TOKENS)).isEqualTo(42);
        assertThat(summary.total(UsageKind.BYTES_FETCHED)).isZero();
    }

    @Test
    void backoff_grows_is_capped_and_honours_retry_after() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), 4);
        for (int i = 0; i < 50; i++) {
            assertThat(b.delay(1, null)).isBetween(Duration.ZERO, Duration.ofMillis(100));
            assertThat(b.delay(10, null)).isLessThanOrEqualTo(Duration.ofSeconds(2));
            assertThat(b.delay(1, Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
            assertThat(b.delay(1, Duration.ofMinutes(5))).as("capped at max").isEqualTo(Duration.ofSeconds(2));
        }
        assertThat(b.allowsAnotherAfter(3)).isTrue();
        assertThat(b.allowsAnotherAfter(4)).isFalse();
    }
}
