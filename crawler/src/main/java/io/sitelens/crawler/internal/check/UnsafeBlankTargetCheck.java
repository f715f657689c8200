package io.sitelens.crawler.internal.check;

import io.sitelens.crawler.internal.FetchedPage;
import io.sitelens.crawler.internal.HtmlPage;
import io.sitelens.model.Severity;
import io.sitelens.spi.crawl.FindingSink;
import okhttp3.HttpUrl;

/** {@code unsafe-blank-target}: A link opens an external page in a new tab (target=_blank) without rel="noopener", letting that page control this one in old browsers. */
public final class UnsafeBlankTargetCheck extends HtmlCheck {
    public UnsafeBlankTargetCheck() {
        super(
                "unsafe-blank-target",
                Severity.NOTICE,
                "A link opens an external page in a new tab (target=_blank) without rel=\"noopener\", letting that page control this one in old browsers.");
    }

    @Override
    void check(FetchedPage page, HtmlPage html, FindingSink findings) {
        HttpUrl self = HttpUrl.parse(page.url());
        long n = html.anchors().stream()
                .filter(a -> a.target().equalsIgnoreCase("_blank") && a.url() != null)
                .filter(a -> self == null || !a.url().host().equals(self.host()))
                .filter(a -> !a.rel().contains("noopener") && !a.rel().contains("noreferrer"))
                .count();
        if (n > 0) {
            findings.report(this, page.url(), n + " external link(s) with target=_blank and no rel=noopener");
        }
    }
}
