package io.sitelens.crawler.internal.check;

import io.sitelens.crawler.internal.FetchedPage;
import io.sitelens.crawler.internal.HtmlPage;
import io.sitelens.model.Severity;
import io.sitelens.spi.crawl.FindingSink;

/** {@code thin-content}: The page has under 200 words of visible text, which is rarely enough to be useful on its own. */
public final class ThinContentCheck extends HtmlCheck {
    public ThinContentCheck() {
        super(
                "thin-content",
                Severity.NOTICE,
                "The page has under 200 words of visible text, which is rarely enough to be useful on its own.");
    }

    @Override
    void check(FetchedPage page, HtmlPage html, FindingSink findings) {
        if (html.wordCount() < 200) {
            findings.report(this, page.url(), html.wordCount() + " words (under 200)");
        }
    }
}
