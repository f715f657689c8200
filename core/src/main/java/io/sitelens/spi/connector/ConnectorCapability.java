package io.sitelens.spi.connector;

/** What a metric connector can do; other plugins and the engine select bindings by capability. */
public enum ConnectorCapability {
    /** Daily site-wide series of metrics. */
    SITE_SERIES,
    /** Metrics per page (path or URL), daily or over a range. */
    PAGE_METRICS,
    /** A list of the site's page URLs known to analytics. */
    PAGE_LIST,
    /** Event counts by event name. */
    EVENTS,
    /** Goals / key events / conversions. */
    CONVERSIONS,
    /** Data for the last minutes. */
    REALTIME,
    /** Answers queries using GA4 event names and measurement ids (the GA4 connector, or a GA4 export). */
    GA4_EVENTS,
    /** Produces a {@link io.sitelens.model.TrackingPlan}. */
    TRACKING_PLAN
}
