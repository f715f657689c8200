package io.sitelens.internal.engine;

import static java.util.Objects.requireNonNull;

import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.UsageCaps;
import io.sitelens.model.Project;
import io.sitelens.model.TenantId;
import io.sitelens.model.UsageKind;
import io.sitelens.spi.storage.StorageAdapter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Function;

/** Checks a tenant's usage against its caps before more work is done. Usage days and months are UTC. */
public final class CapGuard {
    private final StorageAdapter storage;
    private final Function<TenantId, UsageCaps> caps;
    private final Clock clock;

    public CapGuard(StorageAdapter storage, Function<TenantId, UsageCaps> caps, Clock clock) {
        this.storage = requireNonNull(storage, "storage");
        this.caps = requireNonNull(caps, "caps");
        this.clock = requireNonNull(clock, "clock");
    }

    public UsageCaps capsOf(TenantId tenant) {
        return caps.apply(tenant);
    }

    /** Fails with {@code usage.cap-exceeded} when the tenant has spent its API calls for today. */
    public void checkApiCalls(TenantId tenant) {
        long cap = capsOf(tenant).apiCallsPerDay();
        if (cap == UsageCaps.UNLIMITED) {
            return;
        }
        Instant dayStart =
                LocalDate.now(clock.withZone(ZoneOffset.UTC)).atStartOfDay().toInstant(ZoneOffset.UTC);
        long used = tenantTotal(tenant, UsageKind.API_CALL, dayStart, dayStart.plusSeconds(86_400));
        if (used >= cap) {
            throw new SitelensException(
                    ErrorCode.CAP_EXCEEDED,
                    "tenant " + tenant + " has used " + used + " of its cap of " + cap
                            + " external API calls per day (apiCallsPerDay); the run stops here and resumes tomorrow");
        }
    }

    /** Fails when a month's screenshots would pass the cap. */
    public void checkScreenshots(TenantId tenant, long more) {
        long cap = capsOf(tenant).screenshotsPerMonth();
        if (cap == UsageCaps.UNLIMITED) {
            return;
        }
        LocalDate first = LocalDate.now(clock.withZone(ZoneOffset.UTC)).withDayOfMonth(1);
        Instant from = first.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant to = first.plusMonths(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        long used = tenantTotal(tenant, UsageKind.SCREENSHOT, from, to);
        if (used + more > cap) {
            throw new SitelensException(
                    ErrorCode.CAP_EXCEEDED,
                    "tenant " + tenant + " has taken " + used + " screenshots this month; " + more
                            + " more would pass its cap of " + cap + " (screenshotsPerMonth)");
        }
    }

    private long tenantTotal(TenantId tenant, UsageKind kind, Instant from, Instant to) {
        long total = 0;
        for (Project p : storage.projects().list(tenant)) {
            total += storage.usage().summarize(p.key(), from, to).total(kind);
        }
        return total;
    }
}
