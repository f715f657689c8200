package io.sitelens.collector;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.sitelens.model.IdentityType;
import io.sitelens.model.ProjectKey;
import io.sitelens.model.SubjectIdentity;
import io.sitelens.spi.storage.StorageAdapter;
import io.sitelens.spi.storage.VisitSession;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * A day of traffic from many addresses, with every consent combination, bots, invalid batches and rate
 * limiting; afterwards no stored row and no log line (at DEBUG) contains a client address or user agent.
 */
class NoClientAddressIT {
    static final ProjectKey SHOP = ProjectKey.of("acme", "shop");

    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    Logger root;

    @TempDir
    Path dir;

    @BeforeEach
    void captureLogs() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        ((Logger) LoggerFactory.getLogger("io.sitelens")).setLevel(Level.DEBUG);
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void release() {
        root.detachAppender(logs);
    }

    /** Every stored value of the store, as text. */
    static String dump(StorageAdapter store, List<String> visitors, List<String> cookies) {
        StringBuilder out = new StringBuilder();
        Instant from = Instant.EPOCH;
        Instant to = Instant.parse("2100-01-01T00:00:00Z");
        out.append(store.behaviour().events(SHOP, from, to, 100_000)).append('\n');
        out.append(store.behaviour().sessions(SHOP, from, to, 100_000)).append('\n');
        for (String v : visitors) {
            out.append(store.consents().history(SHOP.tenant(), new SubjectIdentity(IdentityType.VISITOR, v)));
        }
        for (String c : cookies) {
            out.append(store.consents().history(SHOP.tenant(), new SubjectIdentity(IdentityType.COOKIE, c)));
        }
        return out.toString();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"memory", "h2", "postgresql"})
    void after_a_day_of_events_no_row_or_log_line_holds_a_client_address(String kind) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T00:00:00Z"));
        TestStores.Opened opened = TestStores.open(kind, dir);
        StorageAdapter store = opened.store();
        store.projects()
                .put(io.sitelens.model.Project.builder(SHOP, java.net.URI.create("https://www.example.org/"))
                        .build());
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            addresses.add("81.2.69." + (140 + i));
            addresses.add("2001:480:10:0:0:0:0:" + Integer.toHexString(0x100 + i));
        }
        addresses.add("89.160.20.112");
        Map<String, String> uas = new HashMap<>();
        int stored = 0;
        try (Collector collector = Collector.builder()
                .storage(store)
                .clock(clock)
                .site(CollectorSite.of("shop", SHOP, "https://www.example.org"))
                .geoIpDatabase(CollectorTest.geoDb())
                .build()) {
            for (int step = 0; step < 24 * 4; step++) { // every 15 minutes for 24 hours
                for (int a = step % 3; a < addresses.size(); a += 3) {
                    String address = addresses.get(a);
                    String ua = (a % 2 == 0 ? Batches.CHROME : Batches.IPHONE).replace("131.0", "131." + a);
                    uas.put(address, ua);
                    int geo = a % 3 == 2 ? 0 : 1;
                    int cookie = a % 4 == 1 ? 1 : 0;
                    String cookieId = String.format("%032x", a);
                    long t = clock.millis();
                    String json =
                            switch (step % 7) {
                                case 5 ->
                                    Batches.typical(t, 1, geo, cookie, cookieId).replace("\"d\":0.6", "\"d\":\"x\"");
                                case 6 -> Batches.typical(t, a % 5 == 0 ? 0 : 1, geo, cookie, cookieId);
                                default -> Batches.typical(t, 1, geo, cookie, cookieId);
                            };
                    String agent = step % 11 == 0 ? Batches.GOOGLEBOT : ua;
                    IngestResult r = collector.ingest(Batches.bytes(json), Batches.headers(agent), Batches.ip(address));
                    stored += r.stored();
                }
                clock.advance(Duration.ofMinutes(15));
            }
        }
        List<VisitSession> sessions =
                store.behaviour().sessions(SHOP, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), 100_000);
        assertThat(stored).as("the day produced data").isGreaterThan(3_000);
        assertThat(sessions).extracting(VisitSession::city).contains("London", "San Diego");
        List<String> visitors =
                sessions.stream().map(VisitSession::visitorId).distinct().toList();
        List<String> cookies = sessions.stream()
                .map(VisitSession::cookieId)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
        String rows = dump(store, visitors, cookies) + opened.dumpTables();
        store.close();
        if (!kind.equals("memory")) {
            assertThat(rows.toLowerCase(java.util.Locale.ROOT))
                    .as("the tables were read")
                    .contains("behaviour_events:", "behaviour_sessions:", "consent_records:");
        }
        String logText = logs.list.stream()
                .map(e -> e.getFormattedMessage() + " " + e.getThrowableProxy())
                .collect(Collectors.joining("\n"));
        assertThat(logText).as("the run logged at debug level").contains("collector: batch");
        for (String address : addresses) {
            String compressed = Batches.ip(address).getHostAddress();
            assertThat(rows).doesNotContain(address).doesNotContain(compressed);
            assertThat(logText).doesNotContain(address).doesNotContain(compressed);
        }
        for (String ua : uas.values()) {
            assertThat(rows).as("raw user agents are not stored").doesNotContain(ua);
            assertThat(logText).doesNotContain(ua);
        }
    }
}
