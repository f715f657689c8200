package io.sitelens.spi.privacy;

import io.sitelens.model.ProjectKey;
import io.sitelens.model.TenantId;
import java.time.Clock;
import java.util.Optional;

/** The request a handler acts for: tenant, optionally the project, the request id (for idempotence), a clock. */
public interface PrivacyRequestContext {
    TenantId tenant();

    Optional<ProjectKey> project();

    /** A stable id of the request; a handler called twice with the same id must not do harm. */
    String requestId();

    Clock clock();
}
