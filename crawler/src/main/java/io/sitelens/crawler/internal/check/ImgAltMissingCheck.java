package io.sitelens.crawler.internal.check;

import io.sitelens.crawler.internal.FetchedPage;
import io.sitelens.crawler.internal.HtmlPage;
import io.sitelens.model.Severity;
import io.sitelens.spi.crawl.FindingSink;

/** {@code img-alt-missing}: An image has no alt attribute: screen readers and search engines cannot tell what it shows (use alt="" for decoration). */
public final class ImgAltMissingCheck extends HtmlCheck {
    public ImgAltMissingCheck() {
        super(
                "img-alt-missing",
                Severity.WARNING,
                "An image has no alt attribute: screen readers and search engines cannot tell what it shows (use alt=\"\" for decoration).");
    }

    @Override
    void check(FetchedPage page, HtmlPage html, FindingSink findings) {
        long missing = html.images().stream().filter(i -> !i.hasAlt()).count();
        if (missing > 0) {
            findings.report(this, page.url(), missing + " image(s) without an alt attribute");
        }
    }
}
