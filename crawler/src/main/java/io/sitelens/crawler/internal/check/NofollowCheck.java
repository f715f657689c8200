package io.sitelens.crawler.internal.check;

import io.sitelens.crawler.internal.FetchedPage;
import io.sitelens.crawler.internal.HtmlPage;
import io.sitelens.model.Severity;
import io.sitelens.spi.crawl.FindingSink;
import java.util.List;
import java.util.Locale;

/** {@code nofollow}: The page asks search engines not to follow any of its links (meta robots or X-Robots-Tag nofollow). */
public final class NofollowCheck extends HtmlCheck {
    public NofollowCheck() {
        super(
                "nofollow",
                Severity.NOTICE,
                "The page asks search engines not to follow any of its links (meta robots or X-Robots-Tag nofollow).");
    }

    @Override
    void check(FetchedPage page, HtmlPage html, FindingSink findings) {
        boolean header = page.headers().getOrDefault("x-robots-tag", List.of()).stream()
                .anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("nofollow"));
        if (html.metaNofollow() || header) {
            findings.report(this, page.url(), header ? "X-Robots-Tag: nofollow" : "meta robots nofollow");
        }
    }
}
