package io.sitelens.crawler.internal.check;

import io.sitelens.crawler.internal.FetchedPage;
import io.sitelens.crawler.internal.HtmlPage;
import io.sitelens.model.Severity;
import io.sitelens.spi.crawl.FindingSink;

/** {@code h1-multiple}: The page has more than one &lt;h1&gt; heading. */
public final class H1MultipleCheck extends HtmlCheck {
    public H1MultipleCheck() {
        super("h1-multiple", Severity.NOTICE, "The page has more than one <h1> heading.");
    }

    @Override
    void check(FetchedPage page, HtmlPage html, FindingSink findings) {
        if (html.h1Count() > 1) {
            findings.report(this, page.url(), html.h1Count() + " <h1> headings");
        }
    }
}
