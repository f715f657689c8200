package io.sitelens.spi.storage;

import io.sitelens.model.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * Content-addressed bytes (resources, screenshots), kept per tenant: storing the same bytes twice stores them
 * once; a tenant never reads another tenant's blobs; writes are atomic (a reader sees all of a blob or
 * none). Thread-safe, and safe for several processes writing the same store.
 */
public interface BlobStore {

    BlobRef put(TenantId tenant, byte[] bytes);

    Optional<byte[]> get(TenantId tenant, String sha256);

    boolean exists(TenantId tenant, String sha256);

    boolean delete(TenantId tenant, String sha256);

    /** Every blob of the tenant, sorted by hash. */
    List<BlobRef> list(TenantId tenant);
}
