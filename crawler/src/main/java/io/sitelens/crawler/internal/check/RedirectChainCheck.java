package io.sitelens.crawler.internal.check;

import io.sitelens.model.Severity;
import io.sitelens.spi.crawl.FindingSink;
import io.sitelens.spi.crawl.PageContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code redirect-chain}: The URL redirects more than once before reaching content (or more than the redirect limit): each hop costs time and link value. */
public final class RedirectChainCheck extends CheckBase {
    static boolean isLoop(String url, List<String> chain) {
        Set<String> seen = new HashSet<>();
        seen.add(url);
        for (String u : chain) {
            if (!seen.add(u)) {
                return true;
            }
        }
        return false;
    }

    public RedirectChainCheck() {
        super(
                "redirect-chain",
                Severity.WARNING,
                "The URL redirects more than once before reaching content (or more than the redirect limit): each hop costs time and link value.");
    }

    @Override
    public void checkPage(PageContext page, FindingSink findings) {
        List<String> chain = page.redirectChain();
        if (chain.size() > 1 && !isLoop(page.url(), chain)) {
            findings.report(this, page.url(), chain.size() + " redirects: " + String.join(" -> ", chain));
        }
    }
}
