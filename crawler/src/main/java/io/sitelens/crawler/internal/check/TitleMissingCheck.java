package io.sitelens.crawler.internal.check;

import io.sitelens.crawler.internal.FetchedPage;
import io.sitelens.crawler.internal.HtmlPage;
import io.sitelens.model.Severity;
import io.sitelens.spi.crawl.FindingSink;

/** {@code title-missing}: The page has no title or an empty one: the title is what search results and browser tabs show. */
public final class TitleMissingCheck extends HtmlCheck {
    public TitleMissingCheck() {
        super(
                "title-missing",
                Severity.ERROR,
                "The page has no title or an empty one: the title is what search results and browser tabs show.");
    }

    @Override
    void check(FetchedPage page, HtmlPage html, FindingSink findings) {
        if (html.title() == null || html.title().isEmpty()) {
            findings.report(this, page.url(), html.title() == null ? "no <title>" : "empty <title>");
        }
    }
}
