package io.sitelens.crawler.internal.check;

import io.sitelens.model.Page;
import io.sitelens.model.Severity;
import io.sitelens.spi.crawl.FindingSink;
import io.sitelens.spi.crawl.SiteContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code duplicate-page}: Several URLs serve exactly the same HTML (same body hash): pick one and point the others to it. */
public final class DuplicatePageCheck extends CheckBase {
    public DuplicatePageCheck() {
        super(
                "duplicate-page",
                Severity.WARNING,
                "Several URLs serve exactly the same HTML (same body hash): pick one and point the others to it.");
    }

    @Override
    public void checkSite(SiteContext site, FindingSink findings) {
        Map<String, List<String>> byHash = new HashMap<>();
        for (Page p : site.pages()) {
            if (p.isHtmlOk() && p.bodySha256() != null) {
                byHash.computeIfAbsent(p.bodySha256(), k -> new ArrayList<>()).add(p.url());
            }
        }
        byHash.forEach((hash, urls) -> {
            if (urls.size() > 1) {
                for (String u : urls) {
                    List<String> others = new ArrayList<>(urls);
                    others.remove(u);
                    findings.report(
                            this,
                            u,
                            "same content as " + String.join(", ", others.subList(0, Math.min(5, others.size()))));
                }
            }
        });
    }
}
