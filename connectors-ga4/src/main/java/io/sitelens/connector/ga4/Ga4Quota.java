package io.sitelens.connector.ga4;

import com.google.analytics.data.v1beta.PropertyQuota;
import com.google.analytics.data.v1beta.QuotaStatus;

/**
 * The property's quota as GA4 reported it with the last report ({@code returnPropertyQuota}).
 *
 * @param tokensConsumed tokens the last request spent
 * @param tokensPerDayRemaining tokens left today (resets at midnight Pacific time)
 * @param tokensPerHourRemaining tokens left this hour
 * @param concurrentRequestsRemaining further requests that could be in flight now
 * @param potentiallyThresholdedRequestsPerHourRemaining thresholded-dimension requests left this hour
 */
public record Ga4Quota(
        long tokensConsumed,
        long tokensPerDayRemaining,
        long tokensPerHourRemaining,
        long concurrentRequestsRemaining,
        long potentiallyThresholdedRequestsPerHourRemaining) {

    static Ga4Quota from(PropertyQuota q) {
        return new Ga4Quota(
                q.getTokensPerDay().getConsumed(),
                remaining(q.getTokensPerDay()),
                remaining(q.getTokensPerHour()),
                remaining(q.getConcurrentRequests()),
                remaining(q.getPotentiallyThresholdedRequestsPerHour()));
    }

    private static long remaining(QuotaStatus s) {
        return s.getRemaining();
    }
}
