package io.sitelens.crawler.internal.check;

import io.sitelens.crawler.internal.CrawlSite;
import io.sitelens.model.Severity;
import io.sitelens.spi.crawl.FindingSink;
import io.sitelens.spi.crawl.SiteContext;

/** {@code blocked-by-robots}: The URL is linked from the site but robots.txt forbids crawling it, so search engines cannot read it. */
public final class BlockedByRobotsCheck extends CheckBase {
    public BlockedByRobotsCheck() {
        super(
                "blocked-by-robots",
                Severity.NOTICE,
                "The URL is linked from the site but robots.txt forbids crawling it, so search engines cannot read it.");
    }

    @Override
    public void checkSite(SiteContext site, FindingSink findings) {
        if (site instanceof CrawlSite cs) {
            for (String url : cs.blockedByRobots()) {
                findings.report(this, url, "disallowed by robots.txt");
            }
        }
    }
}
