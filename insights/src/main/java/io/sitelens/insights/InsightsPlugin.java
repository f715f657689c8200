package io.sitelens.insights;

import io.sitelens.spi.SitelensPlugin;
import io.sitelens.spi.SitelensSpi;
import io.sitelens.spi.insight.InsightProvider;
import java.util.List;

/** Registers the built-in insight providers through {@link java.util.ServiceLoader}. */
public final class InsightsPlugin implements SitelensPlugin {

    @Override
    public String spiVersion() {
        return SitelensSpi.VERSION;
    }

    @Override
    public String name() {
        return "insights";
    }

    @Override
    public List<InsightProvider> insightProviders() {
        return InsightProviders.all();
    }
}
