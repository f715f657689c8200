package io.sitelens.spi.crawl;

import io.sitelens.model.Severity;

/**
 * One audit check. Page-scope checks look at one fetched page at a time (called concurrently from crawler
 * threads, so they must be stateless or thread-safe); site-scope checks run once after the crawl over
 * everything it found (duplicates, orphans, link targets). A check reports {@link io.sitelens.model.Finding}s
 * to the sink with its own id; it never throws on bad input from the site (a malformed page is a finding,
 * not a crash).
 */
public interface PageCheck {

    /** The check id, lowercase words joined by '-' ({@code title-missing}); part of the CLI output. */
    String id();

    Severity severity();

    /** A plain-language sentence on what the check finds and why it matters. */
    String explanation();

    /** Called for every fetched page (HTML or not; check {@link PageContext#isHtml()}). */
    default void checkPage(PageContext page, FindingSink findings) {}

    /** Called once after the crawl. */
    default void checkSite(SiteContext site, FindingSink findings) {}
}
