package io.sitelens.spi;

import io.sitelens.model.UsageKind;

/**
 * Where a plugin reports what it spent: API calls, quota tokens, pages and bytes fetched, screenshots, CPU
 * time. A meter is bound to one project and provider. Implementations are thread-safe, fast, and never
 * throw.
 */
@FunctionalInterface
public interface UsageMeter {
    /** A meter that records nothing. */
    UsageMeter NONE = (kind, amount) -> {};

    void record(UsageKind kind, long amount);

    default void apiCall() {
        record(UsageKind.API_CALL, 1);
    }
}
