package io.sitelens.crawler.internal.check;

import io.sitelens.crawler.internal.FetchedPage;
import io.sitelens.crawler.internal.HtmlPage;
import io.sitelens.model.Severity;
import io.sitelens.spi.crawl.FindingSink;

/** {@code title-too-short}: The title is under 30 characters (after trimming): it probably says too little about the page. */
public final class TitleTooShortCheck extends HtmlCheck {
    public TitleTooShortCheck() {
        super(
                "title-too-short",
                Severity.NOTICE,
                "The title is under 30 characters (after trimming): it probably says too little about the page.");
    }

    @Override
    void check(FetchedPage page, HtmlPage html, FindingSink findings) {
        String t = html.title();
        if (t != null && !t.isEmpty() && t.length() < 30) {
            findings.report(this, page.url(), "title is " + t.length() + " characters (under 30)");
        }
    }
}
