package io.sitelens.model;

/** A project (one website) within a tenant. */
public record ProjectId(String value) {
    public ProjectId {
        Ids.check("project id", value);
    }

    public static ProjectId of(String value) {
        return new ProjectId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
