package io.sitelens.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.memory.InMemoryStorageAdapter;
import io.sitelens.model.ProjectKey;
import io.sitelens.model.SubjectIdentity;
import io.sitelens.model.TenantId;
import io.sitelens.spi.storage.BehaviourEvent;
import io.sitelens.spi.storage.BehaviourStore;
import io.sitelens.spi.storage.BlobStore;
import io.sitelens.spi.storage.ConsentStore;
import io.sitelens.spi.storage.CrawlStore;
import io.sitelens.spi.storage.InsightStore;
import io.sitelens.spi.storage.MetricStore;
import io.sitelens.spi.storage.ProjectStore;
import io.sitelens.spi.storage.StorageAdapter;
import io.sitelens.spi.storage.SyncStateStore;
import io.sitelens.spi.storage.UsageStore;
import io.sitelens.spi.storage.VisitSession;
import io.sitelens.spi.storage.WorkQueue;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A store that is down: the batch answers 503 and nothing is half-stored or thrown at the host. */
class FailingStoreTest {
    static final ProjectKey SHOP = ProjectKey.of("acme", "shop");

    /** The in-memory store whose behaviour writes fail like a database that went away. */
    static final class DownStore implements StorageAdapter {
        final InMemoryStorageAdapter memory = new InMemoryStorageAdapter();
        final BehaviourStore behaviour = new BehaviourStore() {
            @Override
            public void record(ProjectKey project, VisitSession session, List<BehaviourEvent> events) {
                throw new SitelensException(ErrorCode.STORAGE_FAILURE, "storage: test database is down");
            }

            @Override
            public List<BehaviourEvent> events(ProjectKey project, Instant from, Instant to, int limit) {
                return memory.behaviour().events(project, from, to, limit);
            }

            @Override
            public List<VisitSession> sessions(ProjectKey project, Instant from, Instant to, int limit) {
                return memory.behaviour().sessions(project, from, to, limit);
            }

            @Override
            public List<BehaviourEvent> eventsOf(TenantId tenant, SubjectIdentity visitor) {
                return memory.behaviour().eventsOf(tenant, visitor);
            }

            @Override
            public List<VisitSession> sessionsOf(TenantId tenant, SubjectIdentity visitor) {
                return memory.behaviour().sessionsOf(tenant, visitor);
            }

            @Override
            public long erase(TenantId tenant, SubjectIdentity visitor) {
                return memory.behaviour().erase(tenant, visitor);
            }

            @Override
            public long purgeEventsBefore(TenantId tenant, Instant before) {
                return memory.behaviour().purgeEventsBefore(tenant, before);
            }
        };

        @Override
        public String description() {
            return "down";
        }

        @Override
        public ProjectStore projects() {
            return memory.projects();
        }

        @Override
        public MetricStore metrics() {
            return memory.metrics();
        }

        @Override
        public SyncStateStore syncState() {
            return memory.syncState();
        }

        @Override
        public CrawlStore crawls() {
            return memory.crawls();
        }

        @Override
        public WorkQueue work() {
            return memory.work();
        }

        @Override
        public InsightStore insights() {
            return memory.insights();
        }

        @Override
        public UsageStore usage() {
            return memory.usage();
        }

        @Override
        public ConsentStore consents() {
            return memory.consents();
        }

        @Override
        public BlobStore blobs() {
            return memory.blobs();
        }

        @Override
        public BehaviourStore behaviour() {
            return behaviour;
        }
    }

    @Test
    void a_failing_store_answers_503_and_the_next_batch_is_processed_again() {
        DownStore store = new DownStore();
        try (Collector collector = Collector.builder()
                .storage(store)
                .site(CollectorSite.of("shop", SHOP))
                .build()) {
            IngestResult r = collector.ingest(
                    Batches.bytes(Batches.typical(System.currentTimeMillis(), 1, 0, 0, null)),
                    Batches.headers(Batches.CHROME),
                    Batches.ip("81.2.69.160"));
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.kind()).isEqualTo(IngestResult.Kind.FAILED);
            assertThat(r.reason()).isEqualTo("storage failed: storage.failure").doesNotContain("81.2.69.160");
            assertThat(collector.stats()).containsEntry("failed", 1L).containsEntry("events", 0L);
        }
    }
}
