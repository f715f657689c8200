package io.sitelens.crawler.internal.check;

import io.sitelens.crawler.internal.FetchedPage;
import io.sitelens.crawler.internal.HtmlPage;
import io.sitelens.model.Severity;
import io.sitelens.spi.crawl.FindingSink;

/** {@code meta-description-missing}: The page has no meta description (or an empty one), so search engines pick a snippet themselves. */
public final class MetaDescriptionMissingCheck extends HtmlCheck {
    public MetaDescriptionMissingCheck() {
        super(
                "meta-description-missing",
                Severity.WARNING,
                "The page has no meta description (or an empty one), so search engines pick a snippet themselves.");
    }

    @Override
    void check(FetchedPage page, HtmlPage html, FindingSink findings) {
        if (html.description() == null || html.description().isEmpty()) {
            findings.report(this, page.url(), "no meta description");
        }
    }
}
