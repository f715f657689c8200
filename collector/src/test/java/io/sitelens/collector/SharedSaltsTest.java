package io.sitelens.collector;

import static io.sitelens.collector.Batches.CHROME;
import static io.sitelens.collector.Batches.bytes;
import static io.sitelens.collector.Batches.headers;
import static io.sitelens.collector.Batches.ip;
import static io.sitelens.collector.Batches.typical;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.memory.InMemoryStorageAdapter;
import io.sitelens.model.ProjectKey;
import io.sitelens.spi.storage.StorageAdapter;
import io.sitelens.spi.storage.VisitSession;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two collector processes on one store: with shared salts a visitor has one id, without it two. */
class SharedSaltsTest {
    static final ProjectKey SHOP = ProjectKey.of("acme", "shop");
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    final InMemoryStorageAdapter store = new InMemoryStorageAdapter();

    Collector collector(StorageAdapter storage, boolean shared) {
        return Collector.builder()
                .storage(storage)
                .clock(clock)
                .site(CollectorSite.of("shop", SHOP, "https://www.example.org"))
                .sharedSalts(shared)
                .build();
    }

    List<String> visitorIdsAfterOneBatchEach(boolean shared) {
        try (Collector first = collector(store, shared);
                Collector second = collector(store, shared)) {
            assertThat(first.ingest(bytes(typical(clock.millis(), 1, 0, 0, null)), headers(CHROME), ip("81.2.69.160"))
                            .stored())
                    .isPositive();
            clock.advance(Duration.ofSeconds(5));
            assertThat(second.ingest(bytes(typical(clock.millis(), 1, 0, 0, null)), headers(CHROME), ip("81.2.69.160"))
                            .stored())
                    .isPositive();
        }
        return store.behaviour().sessions(SHOP, Instant.EPOCH, clock.instant().plusSeconds(60), 10).stream()
                .map(VisitSession::visitorId)
                .distinct()
                .toList();
    }

    @Test
    void with_shared_salts_two_collectors_give_the_visitor_one_id() {
        assertThat(visitorIdsAfterOneBatchEach(true)).hasSize(1);
    }

    @Test
    void by_default_each_collector_has_its_own_salts() {
        assertThat(visitorIdsAfterOneBatchEach(false)).hasSize(2);
    }

    @Test
    void a_store_that_cannot_delete_keys_is_refused_for_shared_salts() {
        StorageAdapter noDeletes = (StorageAdapter) Proxy.newProxyInstance(
                StorageAdapter.class.getClassLoader(), new Class<?>[] {StorageAdapter.class}, (p, m, args) -> {
                    if (m.getName().equals("privacy")) {
                        throw new SitelensException(ErrorCode.UNSUPPORTED, "no privacy data here (test store)");
                    }
                    try {
                        return m.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        assertThatThrownBy(() -> collector(noDeletes, true))
                .isInstanceOf(SitelensException.class)
                .hasMessageContaining("shared salts need a store that keeps and deletes tenant keys")
                .satisfies(e -> assertThat(((SitelensException) e).errorCode()).isEqualTo(ErrorCode.CONFIG_INVALID));
        collector(noDeletes, false).close(); // fine without
    }
}
