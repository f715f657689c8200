package io.sitelens.crawler;

/**
 * Renders a page in a real browser for a rendered crawl ({@link CrawlConfig.Builder#renderer}): the crawler still
 * fetches every URL itself (status, headers, redirects, limits, the network guard), then asks the renderer for
 * the page's DOM after its scripts ran, and takes links, titles and checks from that. The screenshots module's
 * Chromium provider is one; it goes through the same address guard.
 */
@FunctionalInterface
public interface PageRenderer {

    /**
     * The serialised DOM of {@code url} after it loaded ({@code document.documentElement.outerHTML}).
     *
     * @throws io.sitelens.SitelensException when the page cannot be rendered; the crawler then keeps the HTML it
     *     fetched and reports the failure
     */
    String render(String url);
}
