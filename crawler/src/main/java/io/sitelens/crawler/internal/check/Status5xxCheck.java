package io.sitelens.crawler.internal.check;

import io.sitelens.model.Resource;
import io.sitelens.model.Severity;
import io.sitelens.spi.crawl.FindingSink;
import io.sitelens.spi.crawl.PageContext;
import io.sitelens.spi.crawl.SiteContext;

/** {@code status-5xx}: An internal URL answered with a server error (5xx): the page is down or failing for everyone. */
public final class Status5xxCheck extends CheckBase {
    public Status5xxCheck() {
        super(
                "status-5xx",
                Severity.ERROR,
                "An internal URL answered with a server error (5xx): the page is down or failing for everyone.");
    }

    @Override
    public void checkPage(PageContext page, FindingSink findings) {
        if (page.statusCode() >= 500) {
            findings.report(this, page.url(), "status " + page.statusCode());
        }
    }

    @Override
    public void checkSite(SiteContext site, FindingSink findings) {
        for (Resource r : site.resources()) {
            if (!r.external() && r.statusCode() >= 500) {
                findings.report(this, r.url(), "resource answered status " + r.statusCode());
            }
        }
    }
}
