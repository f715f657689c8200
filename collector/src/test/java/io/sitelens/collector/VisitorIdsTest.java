package io.sitelens.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitelens.collector.internal.VisitorIds;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VisitorIdsTest {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-02T23:00:00Z"));
    VisitorIds ids = new VisitorIds(clock);

    @Test
    void the_id_is_stable_within_a_day_and_unlinkable_across_days() {
        String a = ids.visitorId("shop", Batches.ip("81.2.69.160"), Batches.CHROME);
        assertThat(ids.visitorId("shop", Batches.ip("81.2.69.160"), Batches.CHROME))
                .isEqualTo(a);
        assertThat(ids.visitorId("blog", Batches.ip("81.2.69.160"), Batches.CHROME))
                .isNotEqualTo(a);
        assertThat(ids.visitorId("shop", Batches.ip("81.2.69.160"), Batches.IPHONE))
                .isNotEqualTo(a);
        assertThat(a).doesNotContain("81.2.69.160");
        clock.advance(Duration.ofHours(2));
        assertThat(ids.visitorId("shop", Batches.ip("81.2.69.160"), Batches.CHROME))
                .isNotEqualTo(a);
    }

    @Test
    void salts_are_deleted_48_hours_after_their_day_began() {
        ids.visitorId("shop", Batches.ip("81.2.69.160"), Batches.CHROME); // 2 March
        clock.advance(Duration.ofHours(2)); // 3 March 01:00
        ids.visitorId("shop", Batches.ip("81.2.69.160"), Batches.CHROME);
        assertThat(ids.saltsHeld()).isEqualTo(2);
        clock.advance(Duration.ofHours(23)); // 4 March 00:00: 2 March's salt is 48 h old
        ids.visitorId("shop", Batches.ip("81.2.69.160"), Batches.CHROME);
        assertThat(ids.saltsHeld()).isEqualTo(2);
        clock.advance(Duration.ofHours(24)); // 5 March
        ids.visitorId("shop", Batches.ip("81.2.69.160"), Batches.CHROME);
        assertThat(ids.saltsHeld()).isEqualTo(2);
    }
}
