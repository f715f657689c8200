package io.sitelens.crawler.internal.check;

import io.sitelens.crawler.internal.FetchedPage;
import io.sitelens.crawler.internal.HtmlPage;
import io.sitelens.model.Severity;
import io.sitelens.spi.crawl.FindingSink;

/** {@code mixed-content}: An https page loads a resource over plain http; browsers block or warn about it. */
public final class MixedContentCheck extends HtmlCheck {
    public MixedContentCheck() {
        super(
                "mixed-content",
                Severity.ERROR,
                "An https page loads a resource over plain http; browsers block or warn about it.");
    }

    @Override
    void check(FetchedPage page, HtmlPage html, FindingSink findings) {
        if (page.url().startsWith("https://")) {
            long n = html.resources().stream().filter(r -> !r.url().isHttps()).count();
            if (n > 0) {
                findings.report(this, page.url(), n + " resource(s) loaded over http");
            }
        }
    }
}
