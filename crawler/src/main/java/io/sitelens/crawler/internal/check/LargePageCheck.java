package io.sitelens.crawler.internal.check;

import io.sitelens.crawler.internal.FetchedPage;
import io.sitelens.crawler.internal.HtmlPage;
import io.sitelens.model.Severity;
import io.sitelens.spi.crawl.FindingSink;

/** {@code large-page}: The HTML is over 100 KB (102,400 bytes of decoded body): heavy pages load and parse slowly, above all on phones. */
public final class LargePageCheck extends HtmlCheck {
    public LargePageCheck() {
        super(
                "large-page",
                Severity.WARNING,
                "The HTML is over 100 KB (102,400 bytes of decoded body): heavy pages load and parse slowly, above all on phones.");
    }

    @Override
    void check(FetchedPage page, HtmlPage html, FindingSink findings) {
        if (page.bodyBytes() > 100 * 1024) {
            findings.report(this, page.url(), "HTML is " + page.bodyBytes() + " bytes (over 102400)");
        }
    }
}
