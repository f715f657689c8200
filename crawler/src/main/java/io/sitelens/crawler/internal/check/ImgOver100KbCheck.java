package io.sitelens.crawler.internal.check;

import io.sitelens.model.Resource;
import io.sitelens.model.ResourceType;
import io.sitelens.model.Severity;
import io.sitelens.spi.crawl.FindingSink;
import io.sitelens.spi.crawl.SiteContext;

/** {@code img-over-100kb}: An image is over 100 KB (102,400 bytes): compress it or serve a modern format. */
public final class ImgOver100KbCheck extends CheckBase {
    public ImgOver100KbCheck() {
        super(
                "img-over-100kb",
                Severity.WARNING,
                "An image is over 100 KB (102,400 bytes): compress it or serve a modern format.");
    }

    @Override
    public void checkSite(SiteContext site, FindingSink findings) {
        for (Resource r : site.resources()) {
            if (r.type() == ResourceType.IMAGE && r.bytes() > 100 * 1024) {
                findings.report(this, r.url(), "image is " + r.bytes() + " bytes (over 102400)");
            }
        }
    }
}
