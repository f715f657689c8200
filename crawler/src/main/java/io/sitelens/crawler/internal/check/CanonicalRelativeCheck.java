package io.sitelens.crawler.internal.check;

import io.sitelens.crawler.internal.FetchedPage;
import io.sitelens.crawler.internal.HtmlPage;
import io.sitelens.model.Severity;
import io.sitelens.spi.crawl.FindingSink;

/** {@code canonical-relative}: The canonical URL is relative; an absolute URL is safer against mirrors and misconfigured hosts. */
public final class CanonicalRelativeCheck extends HtmlCheck {
    public CanonicalRelativeCheck() {
        super(
                "canonical-relative",
                Severity.NOTICE,
                "The canonical URL is relative; an absolute URL is safer against mirrors and misconfigured hosts.");
    }

    @Override
    void check(FetchedPage page, HtmlPage html, FindingSink findings) {
        for (String href : html.canonicals()) {
            String h = href.strip();
            if (!h.isEmpty()
                    && !h.regionMatches(true, 0, "http://", 0, 7)
                    && !h.regionMatches(true, 0, "https://", 0, 8)
                    && h.indexOf(':') < 0) {
                findings.report(this, page.url(), "relative canonical " + h);
            }
        }
    }
}
