package io.sitelens.crawler.internal.check;

import io.sitelens.crawler.internal.FetchedPage;
import io.sitelens.crawler.internal.HtmlPage;
import io.sitelens.model.Severity;
import io.sitelens.spi.crawl.FindingSink;

/** {@code meta-description-length}: The meta description is under 70 or over 160 characters (after trimming): too short to help or cut off in results. */
public final class MetaDescriptionLengthCheck extends HtmlCheck {
    public MetaDescriptionLengthCheck() {
        super(
                "meta-description-length",
                Severity.NOTICE,
                "The meta description is under 70 or over 160 characters (after trimming): too short to help or cut off in results.");
    }

    @Override
    void check(FetchedPage page, HtmlPage html, FindingSink findings) {
        String d = html.description();
        if (d != null && !d.isEmpty() && (d.length() < 70 || d.length() > 160)) {
            findings.report(this, page.url(), "meta description is " + d.length() + " characters (want 70 to 160)");
        }
    }
}
