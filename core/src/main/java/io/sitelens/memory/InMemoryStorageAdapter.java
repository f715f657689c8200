package io.sitelens.memory;

import io.sitelens.model.ProjectKey;
import io.sitelens.spi.storage.BlobStore;
import io.sitelens.spi.storage.ConsentStore;
import io.sitelens.spi.storage.CrawlStore;
import io.sitelens.spi.storage.InsightStore;
import io.sitelens.spi.storage.MetricStore;
import io.sitelens.spi.storage.PrivacyStore;
import io.sitelens.spi.storage.ProjectStore;
import io.sitelens.spi.storage.RunStore;
import io.sitelens.spi.storage.StorageAdapter;
import io.sitelens.spi.storage.SyncStateStore;
import io.sitelens.spi.storage.UsageStore;
import io.sitelens.spi.storage.WorkQueue;

/**
 * A thread-safe {@link StorageAdapter} that keeps everything in memory, for tests and small embeddings.
 * Every store serialises on one lock, so each call is atomic; nothing survives the JVM.
 */
public final class InMemoryStorageAdapter implements StorageAdapter {
    private final Object lock = new Object();
    private final MemoryMetricStore metrics = new MemoryMetricStore(lock);
    private final MemorySyncStateStore syncState = new MemorySyncStateStore(lock);
    private final MemoryCrawlStore crawls = new MemoryCrawlStore(lock);
    private final MemoryWorkQueue work = new MemoryWorkQueue(lock);
    private final MemoryInsightStore insights = new MemoryInsightStore(lock);
    private final MemoryUsageStore usage = new MemoryUsageStore(lock);
    private final MemoryConsentStore consents = new MemoryConsentStore(lock);
    private final MemoryRunStore runs = new MemoryRunStore(lock);
    private final MemoryScreenshotStore screenshots = new MemoryScreenshotStore(lock);
    private final MemoryBehaviourStore behaviour = new MemoryBehaviourStore(lock);
    private final InMemoryBlobStore blobs = new InMemoryBlobStore();
    private final MemoryPrivacyStore privacy = new MemoryPrivacyStore(lock, consents);
    private final MemoryProjectStore projects = new MemoryProjectStore(lock, this::dropProject);
    private final MemoryTenantStore tenants = new MemoryTenantStore(lock, this::dropTenant);

    private void dropTenant(io.sitelens.model.TenantId tenant) {
        for (io.sitelens.model.Project p : projects.list(tenant)) {
            projects.delete(p.key());
        }
        consents.drop(tenant);
        blobs.drop(tenant);
        privacy.drop(tenant);
    }

    private void dropProject(ProjectKey key) {
        metrics.drop(key);
        syncState.drop(key);
        crawls.drop(key);
        work.drop(key);
        insights.drop(key);
        usage.drop(key);
        runs.drop(key);
        screenshots.drop(key);
        behaviour.drop(key);
    }

    @Override
    public String description() {
        return "memory";
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
    public io.sitelens.spi.storage.TenantStore tenants() {
        return tenants;
    }

    @Override
    public io.sitelens.spi.storage.ScreenshotStore screenshots() {
        return screenshots;
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
    public PrivacyStore privacy() {
        return privacy;
    }
}
