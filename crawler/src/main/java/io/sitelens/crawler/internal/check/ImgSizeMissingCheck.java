package io.sitelens.crawler.internal.check;

import io.sitelens.crawler.internal.FetchedPage;
import io.sitelens.crawler.internal.HtmlPage;
import io.sitelens.model.Severity;
import io.sitelens.spi.crawl.FindingSink;

/** {@code img-size-missing}: An image has no width and height attributes, so the layout shifts while it loads. */
public final class ImgSizeMissingCheck extends HtmlCheck {
    public ImgSizeMissingCheck() {
        super(
                "img-size-missing",
                Severity.NOTICE,
                "An image has no width and height attributes, so the layout shifts while it loads.");
    }

    @Override
    void check(FetchedPage page, HtmlPage html, FindingSink findings) {
        long missing = html.images().stream().filter(i -> !i.hasSize()).count();
        if (missing > 0) {
            findings.report(this, page.url(), missing + " image(s) without width and height");
        }
    }
}
