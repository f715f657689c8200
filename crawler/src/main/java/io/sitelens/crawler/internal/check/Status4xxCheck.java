package io.sitelens.crawler.internal.check;

import io.sitelens.model.Resource;
import io.sitelens.model.Severity;
import io.sitelens.spi.crawl.FindingSink;
import io.sitelens.spi.crawl.PageContext;
import io.sitelens.spi.crawl.SiteContext;

/** {@code status-4xx}: An internal URL answered with a client error (4xx), so visitors and search engines get an error instead of content. */
public final class Status4xxCheck extends CheckBase {
    public Status4xxCheck() {
        super(
                "status-4xx",
                Severity.ERROR,
                "An internal URL answered with a client error (4xx), so visitors and search engines get an error instead of content.");
    }

    @Override
    public void checkPage(PageContext page, FindingSink findings) {
        if (page.statusCode() >= 400 && page.statusCode() < 500) {
            findings.report(this, page.url(), "status " + page.statusCode());
        }
    }

    @Override
    public void checkSite(SiteContext site, FindingSink findings) {
        for (Resource r : site.resources()) {
            if (!r.external() && r.statusCode() >= 400 && r.statusCode() < 500) {
                findings.report(this, r.url(), "resource answered status " + r.statusCode());
            }
        }
    }
}
