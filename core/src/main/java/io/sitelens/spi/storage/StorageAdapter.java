package io.sitelens.spi.storage;

/**
 * Persistence for everything sitelens keeps, as a set of stores. Every method is scoped to one tenant (by a
 * {@link io.sitelens.model.ProjectKey} or {@link io.sitelens.model.TenantId}) and no method reads or changes
 * another tenant's rows. Every multi-row write is atomic: a failure leaves nothing half-written.
 * Implementations are thread-safe. Supplied by the host (or chosen by the CLI), never discovered.
 *
 * <p>The contract kit {@code io.sitelens.tck.storage.StorageAdapterContract} states the rules; every
 * implementation runs it.
 */
public interface StorageAdapter extends AutoCloseable {

    /** A short name for messages ({@code memory}, {@code h2:/path}, {@code postgresql://host/db}). */
    String description();

    ProjectStore projects();

    MetricStore metrics();

    SyncStateStore syncState();

    CrawlStore crawls();

    WorkQueue work();

    InsightStore insights();

    UsageStore usage();

    ConsentStore consents();

    BlobStore blobs();

    /**
     * Data-subject requests, the audit log, restriction and objection flags, records about people. Adapters
     * that do not keep them throw {@link io.sitelens.SitelensException} with {@link
     * io.sitelens.ErrorCode#UNSUPPORTED}.
     */
    default PrivacyStore privacy() {
        throw new io.sitelens.SitelensException(
                io.sitelens.ErrorCode.UNSUPPORTED,
                "storage adapter '" + description() + "' does not keep privacy data (requests, audit log)");
    }

    /**
     * Tenants. Added in SPI 1.0 after the first stores; a store that does not keep tenants answers
     * {@code input.unsupported} naming itself.
     */
    default TenantStore tenants() {
        throw new io.sitelens.SitelensException(
                io.sitelens.ErrorCode.UNSUPPORTED, "storage " + description() + " does not keep tenants");
    }

    /**
     * Screenshot metadata. Added in SPI 1.0 after the first stores; a store that does not keep screenshots answers
     * {@code input.unsupported} naming itself.
     */
    default ScreenshotStore screenshots() {
        throw new io.sitelens.SitelensException(
                io.sitelens.ErrorCode.UNSUPPORTED, "storage " + description() + " does not keep screenshots");
    }

    /**
     * Recorded runs. Added in SPI 1.0 after the first stores; a store that does not keep runs answers
     * {@code input.unsupported} naming itself.
     */
    default RunStore runs() {
        throw new io.sitelens.SitelensException(
                io.sitelens.ErrorCode.UNSUPPORTED, "storage " + description() + " does not record runs");
    }

    /**
     * Behaviour events, visits and their aggregates from the opt-in collector. Added in SPI 1.0 after the first
     * stores; a store that does not keep behaviour data answers {@code input.unsupported} naming itself.
     */
    default BehaviourStore behaviour() {
        throw new io.sitelens.SitelensException(
                io.sitelens.ErrorCode.UNSUPPORTED, "storage " + description() + " does not keep behaviour data");
    }

    /** Releases pools and files. Never throws. */
    @Override
    default void close() {}
}
