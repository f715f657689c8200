package io.sitelens.crawler.internal.check;

import io.sitelens.crawler.internal.CrawlSite;
import io.sitelens.model.Page;
import io.sitelens.model.Severity;
import io.sitelens.spi.crawl.FindingSink;
import io.sitelens.spi.crawl.SiteContext;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/** {@code sitemap-hygiene}: A sitemap lists a URL that is not an indexable 2xx page (redirect, error, noindex, blocked), or a sitemap cannot be read. */
public final class SitemapHygieneCheck extends CheckBase {
    public SitemapHygieneCheck() {
        super(
                "sitemap-hygiene",
                Severity.WARNING,
                "A sitemap lists a URL that is not an indexable 2xx page (redirect, error, noindex, blocked), or a sitemap cannot be read.");
    }

    @Override
    public void checkSite(SiteContext site, FindingSink findings) {
        Map<String, Page> byUrl = new HashMap<>();
        for (Page p : site.pages()) {
            byUrl.put(p.url(), p);
        }
        CrawlSite cs = site instanceof CrawlSite c ? c : null;
        if (cs != null) {
            cs.sitemapProblems().forEach((url, problem) -> findings.report(this, url, problem));
        }
        for (String u : new TreeSet<>(site.sitemapUrls())) {
            Page p = byUrl.get(u);
            if (cs != null && cs.blockedByRobots().contains(u)) {
                findings.report(this, u, "listed in a sitemap but blocked by robots.txt");
            } else if (p != null && p.redirectTarget() != null) {
                findings.report(this, u, "listed in a sitemap but redirects to " + p.redirectTarget());
            } else if (p != null && (p.statusCode() < 200 || p.statusCode() >= 300)) {
                findings.report(this, u, "listed in a sitemap but answers status " + p.statusCode());
            } else if (p != null && p.isHtmlOk() && !p.indexable()) {
                findings.report(this, u, "listed in a sitemap but noindex");
            }
        }
    }
}
