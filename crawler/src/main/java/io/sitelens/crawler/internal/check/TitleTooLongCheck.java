package io.sitelens.crawler.internal.check;

import io.sitelens.crawler.internal.FetchedPage;
import io.sitelens.crawler.internal.HtmlPage;
import io.sitelens.model.Severity;
import io.sitelens.spi.crawl.FindingSink;

/** {@code title-too-long}: The title is over 60 characters (after trimming) and is likely cut off in search results. */
public final class TitleTooLongCheck extends HtmlCheck {
    public TitleTooLongCheck() {
        super(
                "title-too-long",
                Severity.NOTICE,
                "The title is over 60 characters (after trimming) and is likely cut off in search results.");
    }

    @Override
    void check(FetchedPage page, HtmlPage html, FindingSink findings) {
        String t = html.title();
        if (t != null && t.length() > 60) {
            findings.report(this, page.url(), "title is " + t.length() + " characters (over 60)");
        }
    }
}
