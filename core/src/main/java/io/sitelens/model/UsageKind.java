package io.sitelens.model;

/** What a usage record counts. */
public enum UsageKind {
    /** One HTTP request to an external API (GA4, Matomo, GTM, Mailchimp). */
    API_CALL,
    /** Provider quota tokens spent (GA4 property tokens). */
    QUOTA_TOKENS,
    /** One page fetched by the crawler. */
    PAGE_FETCHED,
    /** Body bytes received. */
    BYTES_FETCHED,
    SCREENSHOT,
    /** CPU time in nanoseconds. */
    CPU_NANOS,
    /** Behaviour events accepted by the collector. */
    EVENTS_INGESTED
}
