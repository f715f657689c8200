package io.sitelens.privacy;

import static java.util.Objects.requireNonNull;

import io.sitelens.model.TenantId;
import io.sitelens.spi.storage.PrivacyStore;

/**
 * Where the per-tenant keys of the audit chain and of pseudonyms come from. The default keeps them in the
 * {@link PrivacyStore} (made at random on first use); a host that keeps keys in a vault supplies its own, so
 * that someone who can write the database still cannot recompute the audit chain.
 */
@FunctionalInterface
public interface TenantKeys {
    /** Key for the audit chain's HMAC. */
    String AUDIT = "audit";
    /** Key for subject pseudonyms. */
    String PSEUDONYM = "pseudonym";

    /** The key named {@code name} of the tenant, at least 32 bytes, always the same for a tenant and name. */
    byte[] key(TenantId tenant, String name);

    static TenantKeys stored(PrivacyStore store) {
        requireNonNull(store, "store");
        return store::tenantKey;
    }
}
