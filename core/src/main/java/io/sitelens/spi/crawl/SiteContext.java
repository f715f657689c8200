package io.sitelens.spi.crawl;

import io.sitelens.model.Link;
import io.sitelens.model.Page;
import io.sitelens.model.Resource;
import java.util.List;
import java.util.Set;

/** Everything a crawl found, for site-scope checks. */
public interface SiteContext {

    /** The start URLs of the crawl. */
    List<String> startUrls();

    List<Page> pages();

    List<Link> links();

    List<Resource> resources();

    /** URLs listed in the site's sitemaps. */
    Set<String> sitemapUrls();

    /** Page URLs analytics reports traffic for, when a connector is bound (empty otherwise). */
    default Set<String> analyticsUrls() {
        return Set.of();
    }
}
