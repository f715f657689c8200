package io.sitelens.crawler;

import io.sitelens.crawler.internal.check.BuiltInChecks;
import io.sitelens.spi.SitelensPlugin;
import io.sitelens.spi.SitelensSpi;
import io.sitelens.spi.crawl.PageCheck;
import java.util.List;

/** Contributes the crawler's built-in page checks (47 of them, listed in docs/crawler.md). */
public final class CrawlerPlugin implements SitelensPlugin {

    @Override
    public String spiVersion() {
        return SitelensSpi.VERSION;
    }

    @Override
    public String name() {
        return "crawler";
    }

    @Override
    public List<PageCheck> pageChecks() {
        return builtInChecks();
    }

    /** A fresh list of the built-in checks. */
    public static List<PageCheck> builtInChecks() {
        return BuiltInChecks.all();
    }
}
