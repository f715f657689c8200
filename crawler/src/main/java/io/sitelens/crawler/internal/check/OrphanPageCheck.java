package io.sitelens.crawler.internal.check;

import io.sitelens.model.Link;
import io.sitelens.model.Page;
import io.sitelens.model.Severity;
import io.sitelens.spi.crawl.FindingSink;
import io.sitelens.spi.crawl.SiteContext;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/** {@code orphan-page}: The URL is in a sitemap or has analytics traffic but no crawled page links to it. */
public final class OrphanPageCheck extends CheckBase {
    public OrphanPageCheck() {
        super(
                "orphan-page",
                Severity.WARNING,
                "The URL is in a sitemap or has analytics traffic but no crawled page links to it.");
    }

    @Override
    public void checkSite(SiteContext site, FindingSink findings) {
        Set<String> linked = new HashSet<>(site.startUrls());
        for (Link l : site.links()) {
            if (l.internal()) {
                linked.add(l.to());
            }
        }
        Set<String> inScope = new HashSet<>();
        for (Page p : site.pages()) {
            inScope.add(p.url());
        }
        Set<String> candidates = new TreeSet<>(site.sitemapUrls());
        candidates.addAll(site.analyticsUrls());
        for (String u : candidates) {
            if (inScope.contains(u) && !linked.contains(u)) {
                findings.report(
                        this,
                        u,
                        site.sitemapUrls().contains(u)
                                ? "in a sitemap but not linked"
                                : "has traffic but is not linked");
            }
        }
    }
}
