package io.sitelens.model;

/** A tenant: one customer of a host application (an agency's client). Every stored row belongs to one. */
public record TenantId(String value) {
    /** The tenant used by the CLI and by single-tenant embeddings. */
    public static final TenantId DEFAULT = new TenantId("default");

    public TenantId {
        Ids.check("tenant id", value);
    }

    public static TenantId of(String value) {
        return new TenantId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
