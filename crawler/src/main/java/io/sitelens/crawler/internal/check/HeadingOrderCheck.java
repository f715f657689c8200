package io.sitelens.crawler.internal.check;

import io.sitelens.crawler.internal.FetchedPage;
import io.sitelens.crawler.internal.HtmlPage;
import io.sitelens.model.Severity;
import io.sitelens.spi.crawl.FindingSink;

/** {@code heading-order}: A heading skips a level (such as &lt;h2&gt; followed by &lt;h4&gt;), which confuses screen readers and outlines. */
public final class HeadingOrderCheck extends HtmlCheck {
    public HeadingOrderCheck() {
        super(
                "heading-order",
                Severity.NOTICE,
                "A heading skips a level (such as <h2> followed by <h4>), which confuses screen readers and outlines.");
    }

    @Override
    void check(FetchedPage page, HtmlPage html, FindingSink findings) {
        int previous = 0;
        for (int level : html.headings()) {
            if (previous > 0 && level > previous + 1) {
                findings.report(this, page.url(), "<h" + previous + "> is followed by <h" + level + ">");
                return;
            }
            previous = level;
        }
    }
}
