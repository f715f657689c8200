package io.sitelens.connector.mailchimp;

import io.sitelens.model.ProjectKey;
import io.sitelens.model.TenantId;
import io.sitelens.spi.privacy.PrivacyRequestContext;
import java.time.Clock;
import java.util.Optional;

/** A data-subject request as the privacy module hands it to a handler. */
record TestRequest(String requestId) implements PrivacyRequestContext {
    @Override
    public TenantId tenant() {
        return TenantId.of("acme");
    }

    @Override
    public Optional<ProjectKey> project() {
        return Optional.of(ProjectKey.of("acme", "shop"));
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }
}
