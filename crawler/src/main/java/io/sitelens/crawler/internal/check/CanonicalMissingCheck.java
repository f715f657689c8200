package io.sitelens.crawler.internal.check;

import io.sitelens.crawler.internal.FetchedPage;
import io.sitelens.crawler.internal.HtmlPage;
import io.sitelens.model.Severity;
import io.sitelens.spi.crawl.FindingSink;

/** {@code canonical-missing}: The page declares no canonical URL, so duplicates of it (parameters, index.html) compete with it. */
public final class CanonicalMissingCheck extends HtmlCheck {
    public CanonicalMissingCheck() {
        super(
                "canonical-missing",
                Severity.NOTICE,
                "The page declares no canonical URL, so duplicates of it (parameters, index.html) compete with it.");
    }

    @Override
    void check(FetchedPage page, HtmlPage html, FindingSink findings) {
        if (html.canonicals().isEmpty()) {
            findings.report(this, page.url(), "no <link rel=canonical>");
        }
    }
}
