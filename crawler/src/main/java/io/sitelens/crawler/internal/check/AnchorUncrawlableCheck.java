package io.sitelens.crawler.internal.check;

import io.sitelens.crawler.internal.FetchedPage;
import io.sitelens.crawler.internal.HtmlPage;
import io.sitelens.model.Severity;
import io.sitelens.spi.crawl.FindingSink;
import java.util.Locale;

/** {@code anchor-uncrawlable}: A link has no crawlable href (javascript:, empty, or only an onclick handler), so search engines cannot follow it. */
public final class AnchorUncrawlableCheck extends HtmlCheck {
    public AnchorUncrawlableCheck() {
        super(
                "anchor-uncrawlable",
                Severity.WARNING,
                "A link has no crawlable href (javascript:, empty, or only an onclick handler), so search engines cannot follow it.");
    }

    @Override
    void check(FetchedPage page, HtmlPage html, FindingSink findings) {
        long bad = html.anchors().stream()
                .filter(a -> {
                    String h = a.href().strip().toLowerCase(Locale.ROOT);
                    return h.isEmpty()
                            || h.startsWith("javascript:")
                            || (a.url() == null && !h.contains(":") && !h.startsWith("#"));
                })
                .count();
        if (bad > 0) {
            findings.report(this, page.url(), bad + " link(s) without a crawlable href");
        }
    }
}
