package io.sitelens.crawler.internal.check;

import io.sitelens.crawler.internal.FetchedPage;
import io.sitelens.crawler.internal.HtmlPage;
import io.sitelens.model.Severity;
import io.sitelens.spi.crawl.FindingSink;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** {@code hreflang-error}: An hreflang annotation is broken: an invalid language code, a missing or unparsable URL, or one language pointing to two URLs. */
public final class HreflangErrorCheck extends HtmlCheck {
    private static final Pattern LANG = Pattern.compile("x-default|[a-z]{2,3}(-[a-z]{4})?(-([a-z]{2}|[0-9]{3}))?");

    public HreflangErrorCheck() {
        super(
                "hreflang-error",
                Severity.WARNING,
                "An hreflang annotation is broken: an invalid language code, a missing or unparsable URL, or one language pointing to two URLs.");
    }

    @Override
    void check(FetchedPage page, HtmlPage html, FindingSink findings) {
        Map<String, String> seen = new HashMap<>();
        for (HtmlPage.Hreflang h : html.hreflangs()) {
            String lang = h.lang().toLowerCase(Locale.ROOT);
            if (!LANG.matcher(lang).matches()) {
                findings.report(this, page.url(), "invalid hreflang code '" + h.lang() + "'");
                return;
            }
            if (h.url() == null) {
                findings.report(this, page.url(), "hreflang " + h.lang() + " has no valid URL ('" + h.href() + "')");
                return;
            }
            String prev = seen.put(lang, h.url().toString());
            if (prev != null && !prev.equals(h.url().toString())) {
                findings.report(this, page.url(), "hreflang " + h.lang() + " points to two URLs");
                return;
            }
        }
    }
}
