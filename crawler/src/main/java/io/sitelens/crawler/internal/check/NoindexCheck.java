package io.sitelens.crawler.internal.check;

import io.sitelens.crawler.internal.FetchedPage;
import io.sitelens.crawler.internal.HtmlPage;
import io.sitelens.model.Severity;
import io.sitelens.spi.crawl.FindingSink;
import java.util.List;
import java.util.Locale;

/** {@code noindex}: The page asks search engines not to index it (meta robots or X-Robots-Tag noindex). */
public final class NoindexCheck extends HtmlCheck {
    public NoindexCheck() {
        super(
                "noindex",
                Severity.NOTICE,
                "The page asks search engines not to index it (meta robots or X-Robots-Tag noindex).");
    }

    @Override
    void check(FetchedPage page, HtmlPage html, FindingSink findings) {
        boolean header = page.headers().getOrDefault("x-robots-tag", List.of()).stream()
                .anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("noindex"));
        if (html.metaNoindex() || header) {
            findings.report(this, page.url(), header ? "X-Robots-Tag: noindex" : "meta robots noindex");
        }
    }
}
