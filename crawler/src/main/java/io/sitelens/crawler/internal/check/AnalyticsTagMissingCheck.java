package io.sitelens.crawler.internal.check;

import io.sitelens.crawler.internal.FetchedPage;
import io.sitelens.crawler.internal.HtmlPage;
import io.sitelens.model.Severity;
import io.sitelens.spi.crawl.FindingSink;

/** {@code analytics-tag-missing}: No analytics tag (Google Tag Manager, GA4 or Matomo) was found on the page, so its visits are not measured. */
public final class AnalyticsTagMissingCheck extends HtmlCheck {
    public AnalyticsTagMissingCheck() {
        super(
                "analytics-tag-missing",
                Severity.WARNING,
                "No analytics tag (Google Tag Manager, GA4 or Matomo) was found on the page, so its visits are not measured.");
    }

    @Override
    void check(FetchedPage page, HtmlPage html, FindingSink findings) {
        if (!html.hasAnalyticsTag()) {
            findings.report(this, page.url(), "no GTM, GA4 or Matomo tag");
        }
    }
}
