package io.sitelens.crawler.internal.check;

import io.sitelens.crawler.internal.FetchedPage;
import io.sitelens.crawler.internal.HtmlPage;
import io.sitelens.model.Severity;
import io.sitelens.spi.crawl.FindingSink;

/** {@code viewport-missing}: The page has no meta viewport, so phones render it as a shrunken desktop page. */
public final class ViewportMissingCheck extends HtmlCheck {
    public ViewportMissingCheck() {
        super(
                "viewport-missing",
                Severity.WARNING,
                "The page has no meta viewport, so phones render it as a shrunken desktop page.");
    }

    @Override
    void check(FetchedPage page, HtmlPage html, FindingSink findings) {
        if (!html.hasViewport()) {
            findings.report(this, page.url(), "no <meta name=viewport>");
        }
    }
}
