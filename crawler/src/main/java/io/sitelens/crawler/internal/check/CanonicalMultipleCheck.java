package io.sitelens.crawler.internal.check;

import io.sitelens.crawler.internal.FetchedPage;
import io.sitelens.crawler.internal.HtmlPage;
import io.sitelens.model.Severity;
import io.sitelens.spi.crawl.FindingSink;

/** {@code canonical-multiple}: The page declares more than one canonical URL; search engines then ignore them all. */
public final class CanonicalMultipleCheck extends HtmlCheck {
    public CanonicalMultipleCheck() {
        super(
                "canonical-multiple",
                Severity.WARNING,
                "The page declares more than one canonical URL; search engines then ignore them all.");
    }

    @Override
    void check(FetchedPage page, HtmlPage html, FindingSink findings) {
        if (html.canonicals().size() > 1) {
            findings.report(this, page.url(), html.canonicals().size() + " canonical links");
        }
    }
}
