package io.sitelens.storage.jdbc;

import static java.util.Objects.requireNonNull;

import io.sitelens.spi.storage.BlobStore;
import io.sitelens.spi.storage.ConsentStore;
import io.sitelens.spi.storage.CrawlStore;
import io.sitelens.spi.storage.InsightStore;
import io.sitelens.spi.storage.MetricStore;
import io.sitelens.spi.storage.PrivacyStore;
import io.sitelens.spi.storage.ProjectStore;
import io.sitelens.spi.storage.RunStore;
import io.sitelens.spi.storage.ScreenshotStore;
import io.sitelens.spi.storage.StorageAdapter;
import io.sitelens.spi.storage.SyncStateStore;
import io.sitelens.spi.storage.TenantStore;
import io.sitelens.spi.storage.UsageStore;
import io.sitelens.spi.storage.WorkQueue;
import io.sitelens.storage.jdbc.internal.Database;
import io.sitelens.storage.jdbc.internal.JdbcConsentStore;
import io.sitelens.storage.jdbc.internal.JdbcCrawlStore;
import io.sitelens.storage.jdbc.internal.JdbcInsightStore;
import io.sitelens.storage.jdbc.internal.JdbcMetricStore;
import io.sitelens.storage.jdbc.internal.JdbcPrivacyStore;
import io.sitelens.storage.jdbc.internal.JdbcProjectStore;
import io.sitelens.storage.jdbc.internal.JdbcRunStore;
import io.sitelens.storage.jdbc.internal.JdbcScreenshotStore;
import io.sitelens.storage.jdbc.internal.JdbcSyncStateStore;
import io.sitelens.storage.jdbc.internal.JdbcTenantStore;
import io.sitelens.storage.jdbc.internal.JdbcUsageStore;
import io.sitelens.storage.jdbc.internal.JdbcWorkQueue;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link StorageAdapter} over a JDBC {@link javax.sql.DataSource} (H2 or PostgreSQL) and a
 * {@link BlobStore}. Thread-safe; several adapters (in several processes) may share one database. Obtain one
 * from {@link JdbcStorage}; {@link #close()} closes the connection pool only when the adapter created it.
 */
public final class JdbcStorageAdapter implements StorageAdapter {
    private static final Logger log = LoggerFactory.getLogger(JdbcStorageAdapter.class);

    private final Database db;
    private final BlobStore blobs;
    private final @Nullable AutoCloseable ownedPool;
    private final ProjectStore projects;
    private final MetricStore metrics;
    private final SyncStateStore syncState;
    private final CrawlStore crawls;
    private final WorkQueue work;
    private final InsightStore insights;
    private final UsageStore usage;
    private final ConsentStore consents;
    private final TenantStore tenants;
    private final RunStore runs;
    private final io.sitelens.spi.storage.BehaviourStore behaviour;
    private final ScreenshotStore screenshots;
    private final PrivacyStore privacy;

    JdbcStorageAdapter(Database db, BlobStore blobs, @Nullable AutoCloseable ownedPool) {
        this.db = requireNonNull(db, "db");
        this.blobs = requireNonNull(blobs, "blobs");
        this.ownedPool = ownedPool;
        this.projects = new JdbcProjectStore(db);
        this.metrics = new JdbcMetricStore(db);
        this.syncState = new JdbcSyncStateStore(db);
        this.crawls = new JdbcCrawlStore(db);
        this.work = new JdbcWorkQueue(db);
        this.insights = new JdbcInsightStore(db);
        this.usage = new JdbcUsageStore(db);
        this.consents = new JdbcConsentStore(db);
        this.tenants = new JdbcTenantStore(db, blobs);
        this.runs = new JdbcRunStore(db);
        this.behaviour = new io.sitelens.storage.jdbc.internal.JdbcBehaviourStore(db);
        this.screenshots = new JdbcScreenshotStore(db);
        this.privacy = new JdbcPrivacyStore(db);
    }

    /** {@code h2:/path/to/dir} or {@code postgresql://host:port/db}: never a user or a password. */
    @Override
    public String description() {
        return db.description();
    }

    @Override
    public ProjectStore projects() {
        return projects;
    }

    @Override
    public MetricStore metrics() {
        return metrics;
    }

    @Override
    public SyncStateStore syncState() {
        return syncState;
    }

    @Override
    public CrawlStore crawls() {
        return crawls;
    }

    @Override
    public WorkQueue work() {
        return work;
    }

    @Override
    public InsightStore insights() {
        return insights;
    }

    @Override
    public UsageStore usage() {
        return usage;
    }

    @Override
    public ConsentStore consents() {
        return consents;
    }

    @Override
    public TenantStore tenants() {
        return tenants;
    }

    @Override
    public ScreenshotStore screenshots() {
        return screenshots;
    }

    @Override
    public PrivacyStore privacy() {
        return privacy;
    }

    @Override
    public RunStore runs() {
        return runs;
    }

    @Override
    public io.sitelens.spi.storage.BehaviourStore behaviour() {
        return behaviour;
    }

    @Override
    public BlobStore blobs() {
        return blobs;
    }

    @Override
    public void close() {
        if (ownedPool != null) {
            try {
                ownedPool.close();
            } catch (Exception e) {
                log.warn("storage: closing the connection pool of {} failed: {}", db.description(), e.toString());
            }
        }
    }

    @Override
    public String toString() {
        return "JdbcStorageAdapter[" + db.description() + "]";
    }
}
