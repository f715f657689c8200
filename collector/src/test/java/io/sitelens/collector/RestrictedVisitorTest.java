package io.sitelens.collector;

import static io.sitelens.collector.Batches.CHROME;
import static io.sitelens.collector.Batches.COOKIE;
import static io.sitelens.collector.Batches.bytes;
import static io.sitelens.collector.Batches.headers;
import static io.sitelens.collector.Batches.ip;
import static io.sitelens.collector.Batches.typical;
import static org.assertj.core.api.Assertions.assertThat;

import io.sitelens.memory.InMemoryStorageAdapter;
import io.sitelens.model.IdentityType;
import io.sitelens.model.ProjectKey;
import io.sitelens.model.SubjectIdentity;
import io.sitelens.privacy.ProcessingGate;
import io.sitelens.privacy.SubjectPseudonyms;
import io.sitelens.privacy.TenantKeys;
import io.sitelens.spi.consent.StrictOptInConsentPolicy;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** With the privacy module's gate as its policy, the collector skips a restricted visitor (GDPR Art. 18). */
class RestrictedVisitorTest {
    static final ProjectKey SHOP = ProjectKey.of("acme", "shop");

    @Test
    void a_restricted_visitor_is_not_collected_even_with_consent_and_is_again_once_lifted() {
        InMemoryStorageAdapter store = new InMemoryStorageAdapter();
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
        ProcessingGate gate = ProcessingGate.over(store, new StrictOptInConsentPolicy(store.consents()));
        String pseudonym = new SubjectPseudonyms(TenantKeys.stored(store.privacy()))
                .of(SHOP.tenant(), new SubjectIdentity(IdentityType.COOKIE, COOKIE));
        store.privacy().setRestricted(SHOP.tenant(), pseudonym, true);
        try (Collector collector = Collector.builder()
                .storage(store)
                .clock(clock)
                .site(CollectorSite.of("shop", SHOP, "https://www.example.org"))
                .consentPolicy(gate.asConsentPolicy())
                .build()) {
            collector.ingest(bytes(typical(clock.millis(), 1, 0, 1, COOKIE)), headers(CHROME), ip("81.2.69.160"));
            assertThat(store.behaviour()
                            .events(SHOP, Instant.EPOCH, clock.instant().plus(Duration.ofDays(1)), 100))
                    .as("restricted: nothing about the visitor is stored")
                    .isEmpty();
            store.privacy().setRestricted(SHOP.tenant(), pseudonym, false);
            clock.advance(Duration.ofSeconds(5));
            collector.ingest(bytes(typical(clock.millis(), 1, 0, 1, COOKIE)), headers(CHROME), ip("81.2.69.160"));
            assertThat(store.behaviour()
                            .events(SHOP, Instant.EPOCH, clock.instant().plus(Duration.ofDays(1)), 100))
                    .as("lifted: collected again")
                    .isNotEmpty();
        }
    }
}
