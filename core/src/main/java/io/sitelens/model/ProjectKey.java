package io.sitelens.model;

import static java.util.Objects.requireNonNull;

/** The full address of a project: tenant and project. Every storage call is scoped by one. */
public record ProjectKey(TenantId tenant, ProjectId project) {
    public ProjectKey {
        requireNonNull(tenant, "tenant");
        requireNonNull(project, "project");
    }

    public static ProjectKey of(String tenant, String project) {
        return new ProjectKey(TenantId.of(tenant), ProjectId.of(project));
    }

    @Override
    public String toString() {
        return tenant + "/" + project;
    }
}
