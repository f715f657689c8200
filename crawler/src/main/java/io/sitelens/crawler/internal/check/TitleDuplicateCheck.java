package io.sitelens.crawler.internal.check;

import io.sitelens.model.Page;
import io.sitelens.model.Severity;
import io.sitelens.spi.crawl.FindingSink;
import io.sitelens.spi.crawl.SiteContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code title-duplicate}: Several pages share the same title, so search results cannot tell them apart. */
public final class TitleDuplicateCheck extends CheckBase {
    public TitleDuplicateCheck() {
        super(
                "title-duplicate",
                Severity.WARNING,
                "Several pages share the same title, so search results cannot tell them apart.");
    }

    @Override
    public void checkSite(SiteContext site, FindingSink findings) {
        Map<String, List<String>> byTitle = new HashMap<>();
        for (Page p : site.pages()) {
            if (p.isHtmlOk() && p.title() != null && !p.title().isEmpty()) {
                byTitle.computeIfAbsent(p.title(), k -> new ArrayList<>()).add(p.url());
            }
        }
        byTitle.forEach((title, urls) -> {
            if (urls.size() > 1) {
                for (String u : urls) {
                    findings.report(this, u, "title shared by " + urls.size() + " pages: " + title);
                }
            }
        });
    }
}
