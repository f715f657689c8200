package io.sitelens.crawler.internal.check;

import io.sitelens.model.Link;
import io.sitelens.model.Page;
import io.sitelens.model.Severity;
import io.sitelens.spi.crawl.FindingSink;
import io.sitelens.spi.crawl.SiteContext;
import java.util.HashMap;
import java.util.Map;

/** {@code link-to-redirect}: The page links to an internal URL that redirects: link straight to the final URL to save a round trip. */
public final class LinkToRedirectCheck extends CheckBase {
    public LinkToRedirectCheck() {
        super(
                "link-to-redirect",
                Severity.NOTICE,
                "The page links to an internal URL that redirects: link straight to the final URL to save a round trip.");
    }

    @Override
    public void checkSite(SiteContext site, FindingSink findings) {
        Map<String, Integer> status = new HashMap<>();
        for (Page p : site.pages()) {
            status.put(p.url(), p.statusCode());
        }
        for (Link l : site.links()) {
            Integer s = l.internal() ? status.get(l.to()) : null;
            if (s != null && s >= 300 && s < 400) {
                findings.report(
                        this,
                        l.from(),
                        "links to " + l.to() + " which redirects (status " + s + ")",
                        Map.of("target", l.to()));
            }
        }
    }
}
