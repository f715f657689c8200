package io.sitelens.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricPoint;
import io.sitelens.model.Page;
import io.sitelens.model.ProjectKey;
import io.sitelens.spi.storage.CrawlRun;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults inside the database, on a real H2 store: transient failures are retried a bounded number of times,
 * constraint violations and bad values are reported at once, and a batch that fails half-way leaves nothing.
 */
class RetryAndRollbackIT {
    private static final ProjectKey P = ProjectKey.of("acme", "site");
    private static final LocalDate D0 = LocalDate.of(2026, 1, 1);
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dir;

    private FaultyDataSource ds;
    private JdbcStorageAdapter store;

    @BeforeEach
    void open() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("db") + ";LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        ds = new FaultyDataSource(h2);
        store = JdbcStorage.of(ds, FileBlobStore.of(dir.resolve("blobs")));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static List<MetricPoint> points(int pages, int days) {
        List<MetricPoint> pts = new ArrayList<>();
        for (int p = 0; p < pages; p++) {
            for (int d = 0; d < days; d++) {
                pts.add(new MetricPoint("ga4", MetricName.PAGE_VIEWS, "page=/p" + p, D0.plusDays(d), p * 1000 + d));
            }
        }
        return pts;
    }

    @Test
    void a_serialization_failure_is_retried_and_the_write_lands_once() {
        ds.failBatches("40001", 2);
        assertThat(store.metrics().upsert(P, points(3, 10))).isEqualTo(30);
        assertThat(ds.connections.get())
                .as("two failed attempts, then one that succeeded")
                .isEqualTo(3);
        assertThat(store.metrics().count(P)).isEqualTo(30);
    }

    @Test
    void a_connection_that_keeps_failing_gives_up_after_a_bounded_number_of_attempts() {
        ds.failBatches("08006", 100);
        assertThatThrownBy(() -> store.metrics().upsert(P, points(3, 10)))
                .isInstanceOfSatisfying(SitelensException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.STORAGE_FAILURE);
                    assertThat(e.retryable())
                            .as("the caller may try again later")
                            .isTrue();
                    assertThat(e.getMessage())
                            .contains("upsert 30 metric points of acme/site")
                            .contains("after 4 attempts")
                            .contains("08006");
                });
        assertThat(ds.connections.get()).as("attempts made").isEqualTo(4);
        ds.failBatches("08006", 0);
        assertThat(store.metrics().count(P)).isZero();
    }

    @Test
    void a_constraint_violation_is_reported_at_once_not_retried() {
        ds.failBatches("23503", 1);
        assertThatThrownBy(() -> store.usage()
                        .record(List.of(new io.sitelens.model.UsageRecord(
                                P, "ga4", io.sitelens.model.UsageKind.API_CALL, 1, T0))))
                .isInstanceOfSatisfying(SitelensException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.STORAGE_CONFLICT);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("violates a constraint");
                });
        assertThat(ds.connections.get())
                .as("a constraint violation must not be retried")
                .isEqualTo(1);
    }

    @Test
    void a_metric_batch_failing_inside_the_database_writes_nothing() {
        store.metrics().upsert(P, points(1, 5));
        List<MetricPoint> batch = new ArrayList<>(points(30, 100)); // 3,000 points: three JDBC batches
        // a source longer than its column (64): the database refuses that series row
        batch.add(new MetricPoint("x".repeat(100), MetricName.PAGE_VIEWS, "page=/bad", D0, 1));
        assertThatThrownBy(() -> store.metrics().upsert(P, batch))
                .isInstanceOfSatisfying(SitelensException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_INPUT);
                    assertThat(e.getMessage()).contains("does not fit");
                });
        assertThat(store.metrics().count(P))
                .as("only the 5 points written before the failing batch")
                .isEqualTo(5);
        assertThat(store.metrics().sources(P)).containsExactly("ga4");
    }

    @Test
    void a_page_batch_failing_after_its_first_thousand_rows_were_written_leaves_none() {
        CrawlRun run = store.crawls().startRun(P, "https://www.example.org/", T0);
        List<Page> pages = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            pages.add(page("https://www.example.org/p" + i, "text/html"));
        }
        // rows are written in hash order; pick a URL that sorts last so 1,000 rows are sent before it fails
        String bad = null;
        for (int i = 0; bad == null; i++) {
            String url = "https://www.example.org/bad" + i;
            if (sha256(url).startsWith("ff")) {
                bad = url;
            }
        }
        pages.add(page(bad, "x".repeat(1001))); // content type longer than its column
        assertThatThrownBy(() -> store.crawls().savePages(P, run.id(), pages)).isInstanceOf(SitelensException.class);
        assertThat(store.crawls().pages(P, run.id()))
                .as("the first JDBC batch was executed, then rolled back with the rest")
                .isEmpty();
    }

    private static Page page(String url, String contentType) {
        return new Page(url, 200, contentType, 1, 10, Duration.ofMillis(5), "t", true, null, null, T0);
    }

    private static String sha256(String s) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
