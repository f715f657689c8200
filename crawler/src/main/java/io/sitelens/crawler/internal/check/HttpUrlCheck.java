package io.sitelens.crawler.internal.check;

import io.sitelens.crawler.internal.FetchedPage;
import io.sitelens.crawler.internal.HtmlPage;
import io.sitelens.model.Severity;
import io.sitelens.spi.crawl.FindingSink;

/** {@code http-url}: The page is served over plain http, without encryption. */
public final class HttpUrlCheck extends HtmlCheck {
    public HttpUrlCheck() {
        super("http-url", Severity.WARNING, "The page is served over plain http, without encryption.");
    }

    @Override
    void check(FetchedPage page, HtmlPage html, FindingSink findings) {
        if (page.url().startsWith("http://")) {
            findings.report(this, page.url(), "served over http");
        }
    }
}
