package io.sitelens.crawler.internal.check;

import io.sitelens.crawler.internal.CrawlSite;
import io.sitelens.model.Page;
import io.sitelens.model.Severity;
import io.sitelens.spi.crawl.FindingSink;
import io.sitelens.spi.crawl.SiteContext;
import java.util.HashMap;
import java.util.Map;

/** {@code canonical-non-indexable}: The canonical URL points to a page that is not an indexable 2xx HTML page (a redirect, an error, or noindex). */
public final class CanonicalNonIndexableCheck extends CheckBase {
    public CanonicalNonIndexableCheck() {
        super(
                "canonical-non-indexable",
                Severity.ERROR,
                "The canonical URL points to a page that is not an indexable 2xx HTML page (a redirect, an error, or noindex).");
    }

    @Override
    public void checkSite(SiteContext site, FindingSink findings) {
        if (site instanceof CrawlSite cs) {
            Map<String, Page> byUrl = new HashMap<>();
            for (Page p : site.pages()) {
                byUrl.put(p.url(), p);
            }
            cs.canonicals().forEach((url, canonical) -> {
                Page target = byUrl.get(canonical);
                if (target != null && !(target.isHtmlOk() && target.indexable())) {
                    findings.report(
                            this,
                            url,
                            "canonical " + canonical + " is not indexable (status " + target.statusCode()
                                    + (target.indexable() ? "" : ", noindex or not HTML") + ")");
                }
            });
        }
    }
}
