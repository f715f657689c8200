package io.sitelens.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitelens.collector.internal.VisitorIds;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VisitorIdsTest {
    static final io.sitelens.model.TenantId T = io.sitelens.model.TenantId.of("acme");
    MutableClock clock = new MutableClock(Instant.parse("2026-03-02T23:00:00Z"));
    VisitorIds ids = new VisitorIds(clock);

    @Test
    void the_id_is_stable_within_a_day_and_unlinkable_across_days() {
        String a = ids.visitorId(T, "shop", Batches.ip("81.2.69.160"), Batches.CHROME);
        assertThat(ids.visitorId(T, "shop", Batches.ip("81.2.69.160"), Batches.CHROME))
                .isEqualTo(a);
        assertThat(ids.visitorId(T, "blog", Batches.ip("81.2.69.160"), Batches.CHROME))
                .isNotEqualTo(a);
        assertThat(ids.visitorId(T, "shop", Batches.ip("81.2.69.160"), Batches.IPHONE))
                .isNotEqualTo(a);
        assertThat(a).doesNotContain("81.2.69.160");
        clock.advance(Duration.ofHours(2));
        assertThat(ids.visitorId(T, "shop", Batches.ip("81.2.69.160"), Batches.CHROME))
                .isNotEqualTo(a);
    }

    @Test
    void salts_are_deleted_48_hours_after_their_day_began() {
        ids.visitorId(T, "shop", Batches.ip("81.2.69.160"), Batches.CHROME); // 2 March
        clock.advance(Duration.ofHours(2)); // 3 March 01:00
        ids.visitorId(T, "shop", Batches.ip("81.2.69.160"), Batches.CHROME);
        assertThat(ids.saltsHeld()).isEqualTo(2);
        clock.advance(Duration.ofHours(23)); // 4 March 00:00: 2 March's salt is 48 h old
        ids.visitorId(T, "shop", Batches.ip("81.2.69.160"), Batches.CHROME);
        assertThat(ids.saltsHeld()).isEqualTo(2);
        clock.advance(Duration.ofHours(24)); // 5 March
        ids.visitorId(T, "shop", Batches.ip("81.2.69.160"), Batches.CHROME);
        assertThat(ids.saltsHeld()).isEqualTo(2);
    }

    @Test
    void shared_salts_give_every_process_the_same_id_and_are_deleted_from_the_store_after_48_hours() {
        io.sitelens.memory.InMemoryStorageAdapter store = new io.sitelens.memory.InMemoryStorageAdapter();
        VisitorIds one = new VisitorIds(clock, store.privacy());
        VisitorIds two = new VisitorIds(clock, store.privacy());
        String a = one.visitorId(T, "shop", Batches.ip("81.2.69.160"), Batches.CHROME); // 2 March
        assertThat(two.visitorId(T, "shop", Batches.ip("81.2.69.160"), Batches.CHROME))
                .as("another collector process on the same store")
                .isEqualTo(a);
        assertThat(ids.visitorId(T, "shop", Batches.ip("81.2.69.160"), Batches.CHROME))
                .as("a process with its own salts")
                .isNotEqualTo(a);
        byte[] march2 = store.privacy().tenantKey(T, "collector-salt-2026-03-02");

        clock.advance(Duration.ofHours(25)); // 4 March 00:00: 2 March's salt is 48 h old
        one.visitorId(T, "shop", Batches.ip("81.2.69.160"), Batches.CHROME);
        assertThat(store.privacy().tenantKey(T, "collector-salt-2026-03-02"))
                .as("the expired salt was deleted from the store (asking makes a new, unrelated one)")
                .isNotEqualTo(march2);
        assertThat(one.saltsHeld()).isEqualTo(1);
    }
}
