package io.sitelens.collector;

import static io.sitelens.collector.Batches.CHROME;
import static io.sitelens.collector.Batches.COOKIE;
import static io.sitelens.collector.Batches.batch;
import static io.sitelens.collector.Batches.bytes;
import static io.sitelens.collector.Batches.headers;
import static io.sitelens.collector.Batches.ip;
import static io.sitelens.collector.Batches.typical;
import static org.assertj.core.api.Assertions.assertThat;

import io.sitelens.memory.InMemoryStorageAdapter;
import io.sitelens.model.ConsentState;
import io.sitelens.model.IdentityType;
import io.sitelens.model.ProjectKey;
import io.sitelens.model.Purpose;
import io.sitelens.model.SubjectIdentity;
import io.sitelens.spi.storage.BehaviourEvent;
import io.sitelens.spi.storage.VisitSession;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CollectorTest {
    static final ProjectKey SHOP = ProjectKey.of("acme", "shop");
    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    MutableClock clock = new MutableClock(NOW);
    InMemoryStorageAdapter store = new InMemoryStorageAdapter();
    Collector collector;

    static Path geoDb() {
        try {
            return Path.of(CollectorTest.class
                    .getResource("/geoip/GeoIP2-City-Test.mmdb")
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void open() {
        collector = Collector.builder()
                .storage(store)
                .clock(clock)
                .site(CollectorSite.of("shop", SHOP, "https://www.example.org"))
                .geoIpDatabase(geoDb())
                .rateLimit(5, 60)
                .build();
    }

    @AfterEach
    void close() {
        collector.close();
    }

    long t() {
        return clock.millis();
    }

    List<BehaviourEvent> events() {
        return store.behaviour().events(SHOP, Instant.EPOCH, NOW.plus(Duration.ofDays(30)), 10_000);
    }

    List<VisitSession> sessions() {
        return store.behaviour().sessions(SHOP, Instant.EPOCH, NOW.plus(Duration.ofDays(30)), 10_000);
    }

    IngestResult send(String json, String ua, String address) {
        return collector.ingest(bytes(json), headers(ua), ip(address));
    }

    @Nested
    class Accepted {
        @Test
        void a_consented_batch_is_stored_with_server_times_and_broad_traits_only() {
            clock.advance(Duration.ofMinutes(3)); // the client clock is 3 minutes slow
            long clientNow = t() - Duration.ofMinutes(3).toMillis();
            IngestResult r = send(typical(clientNow, 1, 0, 0, null), CHROME, "81.2.69.160");
            assertThat(r.status()).isEqualTo(204);
            assertThat(r.stored()).isEqualTo(4);
            assertThat(events())
                    .extracting(BehaviourEvent::kind)
                    .containsExactly(
                            BehaviourEvent.Kind.PAGE_VIEW,
                            BehaviourEvent.Kind.CLICK,
                            BehaviourEvent.Kind.SCROLL,
                            BehaviourEvent.Kind.ENGAGEMENT);
            assertThat(events().get(3).at()).isEqualTo(clock.instant());
            assertThat(events().get(1).selector()).isEqualTo("main>a:nth-of-type(2)");
            VisitSession s = sessions().get(0);
            assertThat(s.browser()).isEqualTo("Chrome");
            assertThat(s.os()).isEqualTo("Linux");
            assertThat(s.deviceClass()).isEqualTo("Desktop");
            assertThat(s.referrer()).as("query strings are cut").isEqualTo("https://search.example/q");
            assertThat(s.pageViews()).isEqualTo(1);
            assertThat(s.engagedMillis()).isEqualTo(4500);
            assertThat(s.timeZone()).isEqualTo("Europe/London");
            assertThat(s.screen()).isEqualTo("1920x1080");
            assertThat(s.country()).as("no geolocation consent, no place").isNull();
            assertThat(s.cookieId()).isNull();
            assertThat(s.returning()).isFalse();
        }

        @Test
        void the_batch_consent_is_written_to_the_ledger_once_per_change() {
            send(typical(t(), 1, 0, 0, COOKIE), CHROME, "81.2.69.160");
            send(typical(t(), 1, 0, 1, COOKIE), CHROME, "81.2.69.160");
            send(typical(t(), 1, 0, 1, COOKIE), CHROME, "81.2.69.160");
            var history = store.consents().history(SHOP.tenant(), new SubjectIdentity(IdentityType.COOKIE, COOKIE));
            assertThat(history)
                    .extracting(c -> c.purpose() + "=" + c.state())
                    .containsExactly("BEHAVIOUR_TRACKING=GRANTED", "RETURNING_VISITOR_COOKIE=GRANTED");
            assertThat(history.get(0).noticeVersion()).isEqualTo("v3");
            assertThat(history.get(0).source()).isEqualTo("collector:shop");
        }

        @Test
        void geolocation_resolves_the_city_only_with_consent_for_it() {
            send(typical(t(), 1, 1, 0, null), CHROME, "81.2.69.160");
            send(typical(t(), 1, 0, 0, null), CHROME, "89.160.20.112");
            assertThat(sessions())
                    .extracting(s -> s.country() + "/" + s.city())
                    .containsExactlyInAnyOrder("GB/London", "null/null");
        }

        @Test
        void the_cookie_id_and_returning_flag_are_kept_only_with_cookie_consent() {
            send(typical(t(), 1, 0, 0, COOKIE), CHROME, "81.2.69.160");
            assertThat(events()).allSatisfy(e -> assertThat(e.cookieId()).isNull());
            assertThat(sessions().get(0).returning()).isFalse();
            clock.advance(Duration.ofHours(1));
            send(typical(t(), 1, 0, 1, COOKIE), CHROME, "81.2.69.160");
            VisitSession second = sessions().get(1);
            assertThat(second.cookieId()).isEqualTo(COOKIE);
            assertThat(second.returning()).isTrue();
        }

        @Test
        void a_visit_continues_within_30_minutes_and_a_new_one_starts_after() {
            send(typical(t(), 1, 0, 0, null), CHROME, "81.2.69.160");
            clock.advance(Duration.ofMinutes(29));
            send(typical(t(), 1, 0, 0, null), CHROME, "81.2.69.160");
            assertThat(sessions()).hasSize(1);
            assertThat(sessions().get(0).pageViews()).isEqualTo(2);
            clock.advance(Duration.ofMinutes(31));
            send(typical(t(), 1, 0, 0, null), CHROME, "81.2.69.160");
            assertThat(sessions()).hasSize(2);
        }

        @Test
        void two_visitors_behind_different_addresses_get_different_visitor_ids() {
            send(typical(t(), 1, 0, 0, null), CHROME, "81.2.69.160");
            send(typical(t(), 1, 0, 0, null), CHROME, "81.2.69.161");
            assertThat(sessions()).extracting(VisitSession::visitorId).doesNotHaveDuplicates();
            assertThat(sessions().get(0).visitorId()).matches("[0-9a-f]{32}");
        }
    }

    @Nested
    class Dropped {
        @Test
        void without_behaviour_consent_nothing_is_stored() {
            IngestResult r = send(typical(t(), 0, 1, 1, COOKIE), CHROME, "81.2.69.160");
            assertThat(r.status()).isEqualTo(204);
            assertThat(r.kind()).isEqualTo(IngestResult.Kind.DROPPED);
            assertThat(events()).isEmpty();
            assertThat(sessions()).isEmpty();
        }

        @Test
        void a_withdrawal_is_recorded_and_stops_storage() {
            send(typical(t(), 1, 0, 0, null), CHROME, "81.2.69.160");
            clock.advance(Duration.ofSeconds(10));
            IngestResult r = send(typical(t(), 0, 0, 0, null), CHROME, "81.2.69.160");
            assertThat(r.kind()).isEqualTo(IngestResult.Kind.DROPPED);
            assertThat(events()).hasSize(4);
            String visitor = sessions().get(0).visitorId();
            assertThat(store.consents()
                            .current(
                                    SHOP.tenant(),
                                    new SubjectIdentity(IdentityType.VISITOR, visitor),
                                    Purpose.BEHAVIOUR_TRACKING,
                                    clock.instant())
                            .orElseThrow()
                            .state())
                    .isEqualTo(ConsentState.WITHDRAWN);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    Batches.GOOGLEBOT,
                    "curl/8.5.0",
                    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36",
                    "python-requests/2.32.3",
                    ""
                })
        void bots_are_dropped(String ua) {
            IngestResult r = send(typical(t(), 1, 1, 1, COOKIE), ua, "81.2.69.160");
            assertThat(r.kind()).isEqualTo(IngestResult.Kind.DROPPED);
            assertThat(r.reason()).isEqualTo("bot");
            assertThat(events()).isEmpty();
            assertThat(store.consents().history(SHOP.tenant(), new SubjectIdentity(IdentityType.COOKIE, COOKIE)))
                    .isEmpty();
        }

        @Test
        void a_mobile_browser_is_not_a_bot() {
            assertThat(send(typical(t(), 1, 0, 0, null), Batches.IPHONE, "81.2.69.160")
                            .kind())
                    .isEqualTo(IngestResult.Kind.STORED);
            assertThat(sessions().get(0).deviceClass()).isEqualTo("Phone");
            assertThat(sessions().get(0).deviceBrand()).isEqualTo("Apple");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Sec-GPC", "DNT"})
        void privacy_signals_stop_everything(String header) {
            Map<String, String> h = new HashMap<>(headers(CHROME));
            h.put(header, "1");
            IngestResult r = collector.ingest(bytes(typical(t(), 1, 1, 1, COOKIE)), h, ip("81.2.69.160"));
            assertThat(r.kind()).isEqualTo(IngestResult.Kind.DROPPED);
            assertThat(events()).isEmpty();
        }

        @Test
        void a_page_of_another_origin_is_refused() {
            IngestResult r = collector.ingest(
                    bytes(typical(t(), 1, 0, 0, null)),
                    Map.of("User-Agent", CHROME, "Origin", "https://evil.example"),
                    ip("81.2.69.160"));
            assertThat(r.status()).isEqualTo(403);
            assertThat(events()).isEmpty();
        }

        @Test
        void one_address_is_rate_limited_in_memory_and_others_are_not() {
            for (int i = 0; i < 5; i++) {
                assertThat(send(typical(t(), 1, 0, 0, null), CHROME, "81.2.69.160")
                                .status())
                        .isEqualTo(204);
            }
            assertThat(send(typical(t(), 1, 0, 0, null), CHROME, "81.2.69.160").status())
                    .isEqualTo(429);
            assertThat(send(typical(t(), 1, 0, 0, null), CHROME, "81.2.69.170").status())
                    .isEqualTo(204);
            clock.advance(Duration.ofSeconds(2));
            assertThat(send(typical(t(), 1, 0, 0, null), CHROME, "81.2.69.160").status())
                    .isEqualTo(204);
        }
    }

    @Nested
    class Rejected {
        void assertRejected(String json, String reasonContains) {
            assertRejected(bytes(json), reasonContains);
        }

        void assertRejected(byte[] body, String reasonContains) {
            IngestResult r = collector.ingest(body, headers(CHROME), ip("81.2.69.160"));
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.reason()).contains(reasonContains);
            assertThat(events()).isEmpty();
            assertThat(sessions()).isEmpty();
            assertThat(store.consents().history(SHOP.tenant(), new SubjectIdentity(IdentityType.COOKIE, COOKIE)))
                    .isEmpty();
        }

        @Test
        void malformed_json_is_rejected() {
            assertRejected("{\"v\":1,\"s\":\"shop\",", "not well-formed JSON");
            assertRejected("", "empty body");
            assertRejected("[1,2]", "JSON object");
            assertRejected(typical(t(), 1, 0, 1, COOKIE) + "{}", "not well-formed JSON");
        }

        @Test
        void an_oversized_body_is_rejected() {
            String padding = "{\"k\":\"pv\",\"t\":" + t() + "},";
            String events = padding.repeat(3000) + "{\"k\":\"pv\",\"t\":" + t() + "}";
            assertRejected(batch(t(), 1, 0, 1, COOKIE, events), "exceeds 65536");
        }

        @Test
        void too_many_events_are_rejected() {
            String one = "{\"k\":\"pv\",\"t\":" + t() + "}";
            assertRejected(batch(t(), 1, 0, 1, COOKIE, (one + ",").repeat(500) + one), "e: expected 1 to 500");
        }

        @Test
        void wrongly_typed_fields_are_rejected_naming_the_field() {
            assertRejected(
                    typical(t(), 1, 0, 1, COOKIE).replace("\"t\":" + t() + ",\"c\"", "\"t\":\"soon\",\"c\""),
                    "t: expected an integer");
            assertRejected(
                    batch(t(), 1, 0, 1, COOKIE, "{\"k\":\"c\",\"t\":" + t() + ",\"x\":\"640\",\"y\":1,\"q\":\"a\"}"),
                    "e[0].x: expected an integer");
            assertRejected(
                    batch(t(), 1, 0, 1, COOKIE, "{\"k\":\"s\",\"t\":" + t() + ",\"d\":1.5}"),
                    "e[0].d: expected 0.0 to 1.0");
            assertRejected(
                    batch(t(), 1, 0, 1, COOKIE, "{\"k\":\"zz\",\"t\":" + t() + "}"), "e[0].k: unknown event kind");
            assertRejected(batch(t(), 2, 0, 1, COOKIE, "{\"k\":\"pv\",\"t\":" + t() + "}"), "c.b: expected 0 to 1");
        }

        @Test
        void unknown_fields_and_form_values_are_rejected() {
            assertRejected(
                    batch(
                            t(),
                            1,
                            0,
                            1,
                            COOKIE,
                            "{\"k\":\"fs\",\"t\":" + t() + ",\"f\":\"signup\",\"value\":\"ana@example.org\"}"),
                    "e[0].value: unknown field");
            assertRejected(
                    typical(t(), 1, 0, 1, COOKIE).replace("\"v\":1,", "\"v\":1,\"ip\":\"1.2.3.4\","),
                    "ip: unknown field");
        }

        @Test
        void a_client_clock_far_off_or_events_outside_the_batch_hour_are_rejected() {
            assertRejected(typical(t() - Duration.ofDays(2).toMillis(), 1, 0, 1, COOKIE), "t: batch time");
            assertRejected(
                    batch(
                            t(),
                            1,
                            0,
                            1,
                            COOKIE,
                            "{\"k\":\"pv\",\"t\":" + (t() - Duration.ofHours(2).toMillis()) + "}"),
                    "e[0].t");
        }

        @Test
        void an_unknown_site_is_rejected() {
            assertRejected(
                    typical(t(), 1, 0, 1, COOKIE).replace("\"s\":\"shop\"", "\"s\":\"other\""), "s: unknown site");
        }
    }
}
