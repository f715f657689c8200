package io.sitelens.model;

/** The purposes end users' personal data may be processed for; consent is asked and recorded per purpose. */
public enum Purpose {
    /** Visitor-level analytics processing by sitelens. (Aggregate reports pulled from providers are not this.) */
    ANALYTICS,
    /** Behaviour events from the collector: clicks, scrolls, forms, page views. */
    BEHAVIOUR_TRACKING,
    /** Looking up the visitor's city and country from the IP address (in memory only). */
    GEOLOCATION,
    /** A first-party cookie that recognises a returning visitor. */
    RETURNING_VISITOR_COOKIE,
    MARKETING
}
