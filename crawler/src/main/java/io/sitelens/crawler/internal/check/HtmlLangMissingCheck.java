package io.sitelens.crawler.internal.check;

import io.sitelens.crawler.internal.FetchedPage;
import io.sitelens.crawler.internal.HtmlPage;
import io.sitelens.model.Severity;
import io.sitelens.spi.crawl.FindingSink;

/** {@code html-lang-missing}: The &lt;html&gt; element has no lang attribute: screen readers and translation tools must guess the language. */
public final class HtmlLangMissingCheck extends HtmlCheck {
    public HtmlLangMissingCheck() {
        super(
                "html-lang-missing",
                Severity.WARNING,
                "The <html> element has no lang attribute: screen readers and translation tools must guess the language.");
    }

    @Override
    void check(FetchedPage page, HtmlPage html, FindingSink findings) {
        if (!html.hasLang()) {
            findings.report(this, page.url(), "no <html lang>");
        }
    }
}
