package io.sitelens.crawler.internal.check;

import io.sitelens.model.Severity;
import io.sitelens.spi.crawl.FindingSink;
import io.sitelens.spi.crawl.PageContext;

/** {@code deep-page}: The page is more than 4 clicks from the start URL: visitors and crawlers rarely get that far. */
public final class DeepPageCheck extends CheckBase {
    public DeepPageCheck() {
        super(
                "deep-page",
                Severity.NOTICE,
                "The page is more than 4 clicks from the start URL: visitors and crawlers rarely get that far.");
    }

    @Override
    public void checkPage(PageContext page, FindingSink findings) {
        if (page.depth() > 4 && page.statusCode() >= 200 && page.statusCode() < 300 && page.isHtml()) {
            findings.report(this, page.url(), page.depth() + " clicks from the start");
        }
    }
}
