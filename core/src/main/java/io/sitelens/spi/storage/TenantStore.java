package io.sitelens.spi.storage;

import io.sitelens.model.Tenant;
import io.sitelens.model.TenantId;
import java.util.List;
import java.util.Optional;

/** Tenants, and the one operation that removes a tenant with everything it owns. */
public interface TenantStore {

    /** Creates or replaces the tenant record. */
    void put(Tenant tenant);

    Optional<Tenant> find(TenantId id);

    /** All tenants, ordered by id. */
    List<Tenant> list();

    /**
     * Removes the tenant and every row and blob it owns in every store of this adapter (projects and all their
     * data, consent records, blobs, and any other table the adapter keeps per tenant), in one transaction where
     * the store has them. Returns whether the tenant record existed.
     */
    boolean delete(TenantId id);
}
