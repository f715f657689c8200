package io.sitelens.crawler.internal.check;

import io.sitelens.crawler.internal.FetchedPage;
import io.sitelens.model.Severity;
import io.sitelens.spi.crawl.FindingSink;
import io.sitelens.spi.crawl.PageContext;

/** {@code no-response}: No HTTP response was received (connection refused or reset, timeout, DNS failure, refused address, or a response over the size limits). */
public final class NoResponseCheck extends CheckBase {
    public NoResponseCheck() {
        super(
                "no-response",
                Severity.ERROR,
                "No HTTP response was received (connection refused or reset, timeout, DNS failure, refused address, or a response over the size limits).");
    }

    @Override
    public void checkPage(PageContext page, FindingSink findings) {
        if (page.statusCode() == 0) {
            String why = page.unwrap(FetchedPage.class).map(FetchedPage::error).orElse(null);
            findings.report(this, page.url(), why == null ? "no response" : why);
        }
    }
}
