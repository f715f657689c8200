package io.sitelens.spi.secret;

import io.sitelens.model.Secret;
import io.sitelens.model.SecretRef;
import io.sitelens.model.TenantId;
import java.util.Optional;

/**
 * Resolves secret references for a tenant, only when a call needs the value. A host keeps each client's
 * credentials in its own vault by supplying a resolver; sitelens never stores a resolved value.
 * Implementations are thread-safe and must not log values.
 */
@FunctionalInterface
public interface SecretResolver {

    /** A resolver that resolves nothing. */
    SecretResolver NONE = (tenant, ref) -> Optional.empty();

    /** Empty when this resolver does not know the scheme or the secret does not exist. */
    Optional<Secret> resolve(TenantId tenant, SecretRef ref);

    /** This resolver, then {@code next} for what this one cannot resolve. */
    default SecretResolver orElse(SecretResolver next) {
        return (tenant, ref) -> {
            Optional<Secret> s = resolve(tenant, ref);
            return s.isPresent() ? s : next.resolve(tenant, ref);
        };
    }
}
