package io.sitelens.crawler.internal.check;

import io.sitelens.crawler.internal.FetchedPage;
import io.sitelens.crawler.internal.HtmlPage;
import io.sitelens.model.Severity;
import io.sitelens.spi.crawl.FindingSink;
import okhttp3.HttpUrl;

/** {@code canonical-invalid}: The canonical URL is empty, not http(s), or cannot be parsed, so it is ignored. */
public final class CanonicalInvalidCheck extends HtmlCheck {
    public CanonicalInvalidCheck() {
        super(
                "canonical-invalid",
                Severity.ERROR,
                "The canonical URL is empty, not http(s), or cannot be parsed, so it is ignored.");
    }

    @Override
    void check(FetchedPage page, HtmlPage html, FindingSink findings) {
        HttpUrl base = HttpUrl.parse(page.url());
        for (String href : html.canonicals()) {
            String h = href.strip();
            boolean otherScheme = h.indexOf(':') > 0 && !h.regionMatches(true, 0, "http", 0, 4);
            if (h.isEmpty() || otherScheme || base == null || base.resolve(h) == null) {
                findings.report(this, page.url(), "invalid canonical '" + h + "'");
            }
        }
    }
}
