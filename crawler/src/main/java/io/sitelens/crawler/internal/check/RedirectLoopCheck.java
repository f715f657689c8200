package io.sitelens.crawler.internal.check;

import io.sitelens.model.Severity;
import io.sitelens.spi.crawl.FindingSink;
import io.sitelens.spi.crawl.PageContext;
import java.util.List;

/** {@code redirect-loop}: The URL redirects in a circle and never reaches content. */
public final class RedirectLoopCheck extends CheckBase {
    public RedirectLoopCheck() {
        super("redirect-loop", Severity.ERROR, "The URL redirects in a circle and never reaches content.");
    }

    @Override
    public void checkPage(PageContext page, FindingSink findings) {
        List<String> chain = page.redirectChain();
        if (!chain.isEmpty() && RedirectChainCheck.isLoop(page.url(), chain)) {
            findings.report(this, page.url(), "redirect loop: " + page.url() + " -> " + String.join(" -> ", chain));
        }
    }
}
