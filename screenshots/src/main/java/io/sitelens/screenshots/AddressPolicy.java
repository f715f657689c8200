package io.sitelens.screenshots;

import java.net.InetAddress;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether the browser may connect to an address. It is asked by the guarding proxy for the address it
 * is about to connect to (after resolving the name itself), so DNS rebinding cannot slip past it.
 */
@FunctionalInterface
public interface AddressPolicy {

    /** Why {@code address} is refused (such as "loopback"), or null when it is allowed. */
    @Nullable
    String refusal(InetAddress address);
}
