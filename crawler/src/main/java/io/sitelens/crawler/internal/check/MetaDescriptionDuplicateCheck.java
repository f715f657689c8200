package io.sitelens.crawler.internal.check;

import io.sitelens.crawler.internal.CrawlSite;
import io.sitelens.model.Severity;
import io.sitelens.spi.crawl.FindingSink;
import io.sitelens.spi.crawl.SiteContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code meta-description-duplicate}: Several pages share the same meta description. */
public final class MetaDescriptionDuplicateCheck extends CheckBase {
    public MetaDescriptionDuplicateCheck() {
        super("meta-description-duplicate", Severity.WARNING, "Several pages share the same meta description.");
    }

    @Override
    public void checkSite(SiteContext site, FindingSink findings) {
        if (site instanceof CrawlSite cs) {
            Map<String, List<String>> byText = new HashMap<>();
            cs.descriptions().forEach((url, d) -> {
                if (!d.isEmpty()) {
                    byText.computeIfAbsent(d, k -> new ArrayList<>()).add(url);
                }
            });
            byText.forEach((d, urls) -> {
                if (urls.size() > 1) {
                    for (String u : urls) {
                        findings.report(this, u, "meta description shared by " + urls.size() + " pages");
                    }
                }
            });
        }
    }
}
