package io.sitelens.crawler.internal.check;

import io.sitelens.model.Link;
import io.sitelens.model.Page;
import io.sitelens.model.Severity;
import io.sitelens.spi.crawl.FindingSink;
import io.sitelens.spi.crawl.SiteContext;
import java.util.HashMap;
import java.util.Map;

/** {@code link-broken}: The page links to an internal URL that answers 4xx or 5xx: visitors hit a dead end and link value is lost. */
public final class LinkBrokenCheck extends CheckBase {
    public LinkBrokenCheck() {
        super(
                "link-broken",
                Severity.ERROR,
                "The page links to an internal URL that answers 4xx or 5xx: visitors hit a dead end and link value is lost.");
    }

    @Override
    public void checkSite(SiteContext site, FindingSink findings) {
        Map<String, Integer> status = new HashMap<>();
        for (Page p : site.pages()) {
            status.put(p.url(), p.statusCode());
        }
        for (Link l : site.links()) {
            Integer s = l.internal() ? status.get(l.to()) : null;
            if (s != null && s >= 400) {
                findings.report(this, l.from(), "links to " + l.to() + " (status " + s + ")", Map.of("target", l.to()));
            }
        }
    }
}
