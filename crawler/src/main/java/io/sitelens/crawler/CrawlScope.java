package io.sitelens.crawler;

/** Which URLs count as the site: the start URL's host, or its registrable domain (public suffix + 1). */
public enum CrawlScope {
    HOST,
    DOMAIN
}
