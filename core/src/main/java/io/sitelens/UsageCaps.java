package io.sitelens;

/**
 * Per-tenant limits a host sets to bill or protect: external API calls per day (UTC), pages per crawl,
 * screenshots per month. A run that would exceed a cap stops with {@code usage.cap-exceeded} naming the cap;
 * what it did before is kept and counted.
 */
public record UsageCaps(long apiCallsPerDay, long pagesPerCrawl, long screenshotsPerMonth) {
    public static final long UNLIMITED = Long.MAX_VALUE;
    public static final UsageCaps NONE = new UsageCaps(UNLIMITED, UNLIMITED, UNLIMITED);

    public UsageCaps {
        if (apiCallsPerDay < 0 || pagesPerCrawl < 0 || screenshotsPerMonth < 0) {
            throw new IllegalArgumentException("caps must not be negative");
        }
    }

    public UsageCaps withApiCallsPerDay(long cap) {
        return new UsageCaps(cap, pagesPerCrawl, screenshotsPerMonth);
    }

    public UsageCaps withPagesPerCrawl(long cap) {
        return new UsageCaps(apiCallsPerDay, cap, screenshotsPerMonth);
    }

    public UsageCaps withScreenshotsPerMonth(long cap) {
        return new UsageCaps(apiCallsPerDay, pagesPerCrawl, cap);
    }
}
