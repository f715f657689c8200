package io.sitelens.crawler.internal.check;

import io.sitelens.crawler.internal.FetchedPage;
import io.sitelens.crawler.internal.HtmlPage;
import io.sitelens.model.Severity;
import io.sitelens.spi.crawl.FindingSink;
import io.sitelens.spi.crawl.PageContext;

/** A check of one 2xx HTML page, over the facts the crawler extracted once. */
abstract class HtmlCheck extends CheckBase {
    HtmlCheck(String id, Severity severity, String explanation) {
        super(id, severity, explanation);
    }

    @Override
    public final void checkPage(PageContext page, FindingSink findings) {
        FetchedPage fetched = page.unwrap(FetchedPage.class).orElse(null);
        if (fetched != null && fetched.isHtmlOk()) {
            HtmlPage html = fetched.html();
            if (html != null) {
                check(fetched, html, findings);
            }
        }
    }

    abstract void check(FetchedPage page, HtmlPage html, FindingSink findings);
}
