package io.sitelens.crawler.internal.check;

import io.sitelens.crawler.internal.FetchedPage;
import io.sitelens.crawler.internal.HtmlPage;
import io.sitelens.model.Severity;
import io.sitelens.spi.crawl.FindingSink;

/** {@code h1-missing}: The page has no &lt;h1&gt; heading, which tells visitors and search engines what it is about. */
public final class H1MissingCheck extends HtmlCheck {
    public H1MissingCheck() {
        super(
                "h1-missing",
                Severity.WARNING,
                "The page has no <h1> heading, which tells visitors and search engines what it is about.");
    }

    @Override
    void check(FetchedPage page, HtmlPage html, FindingSink findings) {
        if (html.h1Count() == 0) {
            findings.report(this, page.url(), "no <h1>");
        }
    }
}
