package io.sitelens.crawler.internal.check;

import io.sitelens.model.Severity;
import io.sitelens.spi.crawl.FindingSink;
import io.sitelens.spi.crawl.PageContext;

/** {@code slow-response}: The time to first byte was over 1 second: slow responses hurt visitors and crawl budget. */
public final class SlowResponseCheck extends CheckBase {
    public SlowResponseCheck() {
        super(
                "slow-response",
                Severity.WARNING,
                "The time to first byte was over 1 second: slow responses hurt visitors and crawl budget.");
    }

    @Override
    public void checkPage(PageContext page, FindingSink findings) {
        if (page.statusCode() > 0 && page.responseTime().toMillis() > 1000) {
            findings.report(
                    this,
                    page.url(),
                    "time to first byte " + page.responseTime().toMillis() + " ms (over 1000 ms)");
        }
    }
}
