package io.sitelens.connector.ga4.internal;

import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.StatusCode;
import io.sitelens.ErrorCode;
import io.sitelens.RateLimitedException;
import io.sitelens.SitelensException;
import io.sitelens.spi.Backoff;
import io.sitelens.spi.UsageMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * Runs one GA4 call with the connector's error policy: every HTTP request is metered; 5xx and "too many
 * concurrent requests" are retried with {@link Backoff} (bounded); an exhausted hourly quota waits for the next
 * hour when that is within {@code maxQuotaWait}, else fails with a {@link RateLimitedException} saying when to
 * come back; an exhausted daily quota stops at once; everything else becomes a {@link SitelensException} that
 * names the property and quotes Google.
 */
public final class Ga4Calls {
    private static final int MAX_HOURLY_WAITS = 2;
    private static final Duration HOUR_MARGIN = Duration.ofSeconds(1);

    private final String providerId;
    private final Ga4Settings settings;
    private final Ga4Credentials credentials;
    private final Backoff backoff;
    private final Clock clock;
    private final UsageMeter usage;
    private final Logger log;

    public Ga4Calls(
            String providerId,
            Ga4Settings settings,
            Ga4Credentials credentials,
            Backoff backoff,
            Clock clock,
            UsageMeter usage,
            Logger log) {
        this.providerId = providerId;
        this.settings = settings;
        this.credentials = credentials;
        this.backoff = backoff;
        this.clock = clock;
        this.usage = usage;
        this.log = log;
    }

    public UsageMeter usage() {
        return usage;
    }

    /** Runs {@code rpc} ({@code what} names it in messages, such as "runReport"). */
    public <T> T call(String what, Supplier<T> rpc) {
        int attempt = 0;
        int hourlyWaits = 0;
        while (true) {
            attempt++;
            usage.apiCall();
            try {
                return rpc.get();
            } catch (ApiException e) {
                StatusCode.Code code = e.getStatusCode().getCode();
                String google = Ga4Errors.googleMessage(e);
                switch (code) {
                    case RESOURCE_EXHAUSTED -> {
                        Ga4Errors.QuotaKind kind = Ga4Errors.quotaKind(google);
                        switch (kind) {
                            case DAILY ->
                                throw new RateLimitedException(
                                        ErrorCode.QUOTA_EXHAUSTED,
                                        providerId,
                                        "GA4 property " + settings.propertyId()
                                                + " has used its daily quota (Google says: "
                                                + google + "). It resets at midnight Pacific time; stopping now, rows"
                                                + " already stored are kept.",
                                        null,
                                        e);
                            case HOURLY -> {
                                Duration wait = untilNextHour();
                                if (hourlyWaits < MAX_HOURLY_WAITS && wait.compareTo(settings.maxQuotaWait()) <= 0) {
                                    hourlyWaits++;
                                    log.warn(
                                            "ga4: property {} exhausted an hourly quota during {} ({}); waiting {} s"
                                                    + " for the hourly reset",
                                            settings.propertyId(),
                                            what,
                                            google,
                                            wait.toSeconds());
                                    sleep(wait);
                                    attempt--;
                                    continue;
                                }
                                throw new RateLimitedException(
                                        ErrorCode.RATE_LIMITED,
                                        providerId,
                                        "GA4 property " + settings.propertyId() + " exhausted an hourly quota (Google"
                                                + " says: " + google + "); retry after " + wait.toSeconds() + " s",
                                        wait,
                                        e);
                            }
                            case CONCURRENT -> {
                                if (backoff.allowsAnotherAfter(attempt)) {
                                    sleep(backoff.delay(attempt, null));
                                    continue;
                                }
                                throw new RateLimitedException(
                                        ErrorCode.RATE_LIMITED,
                                        providerId,
                                        "GA4 property " + settings.propertyId()
                                                + " refused more concurrent requests after " + attempt
                                                + " attempts (Google says: " + google + ")",
                                        backoff.max(),
                                        e);
                            }
                        }
                    }
                    case INTERNAL, UNAVAILABLE, DEADLINE_EXCEEDED, UNKNOWN, ABORTED -> {
                        if (backoff.allowsAnotherAfter(attempt)) {
                            log.debug("ga4: {} failed with {} (attempt {}), retrying", what, code, attempt);
                            sleep(backoff.delay(attempt, null));
                            continue;
                        }
                        throw new SitelensException(
                                code == StatusCode.Code.DEADLINE_EXCEEDED
                                        ? ErrorCode.EXTERNAL_TIMEOUT
                                        : ErrorCode.EXTERNAL_UNAVAILABLE,
                                providerId,
                                what + " for GA4 property " + settings.propertyId() + " failed " + attempt + " times ("
                                        + code + "; Google says: " + google + ")",
                                e);
                    }
                    case PERMISSION_DENIED ->
                        throw new SitelensException(
                                ErrorCode.PERMISSION_DENIED,
                                providerId,
                                credentials.account() + " has no access to GA4 property " + settings.propertyId()
                                        + ": add it as a Viewer in GA4 Admin > Property access management (Google says: "
                                        + google + ")",
                                e);
                    case UNAUTHENTICATED ->
                        throw new SitelensException(
                                ErrorCode.AUTHENTICATION_FAILED,
                                providerId,
                                "Google did not accept " + credentials.account() + " for GA4 property "
                                        + settings.propertyId() + " (Google says: " + google + ")",
                                e);
                    case INVALID_ARGUMENT, FAILED_PRECONDITION, OUT_OF_RANGE ->
                        throw new SitelensException(
                                ErrorCode.INVALID_INPUT,
                                providerId,
                                "GA4 property " + settings.propertyId() + " rejected " + what + ": " + google,
                                e);
                    case NOT_FOUND ->
                        throw new SitelensException(
                                ErrorCode.NOT_FOUND,
                                providerId,
                                "GA4 property " + settings.propertyId() + " was not found (Google says: " + google
                                        + ")",
                                e);
                    case OK, CANCELLED, ALREADY_EXISTS, UNIMPLEMENTED, DATA_LOSS ->
                        throw new SitelensException(
                                ErrorCode.EXTERNAL_REJECTED,
                                providerId,
                                what + " for GA4 property " + settings.propertyId() + " failed (" + code
                                        + "; Google says: " + google + ")",
                                e);
                }
            }
        }
    }

    private Duration untilNextHour() {
        Instant now = clock.instant();
        Instant next = now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        return Duration.between(now, next).plus(HOUR_MARGIN);
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(Math.max(0, d.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SitelensException(ErrorCode.CANCELLED, providerId, "interrupted while waiting to retry", e);
        }
    }
}
