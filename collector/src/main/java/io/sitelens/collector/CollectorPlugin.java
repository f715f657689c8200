package io.sitelens.collector;

import io.sitelens.collector.internal.BehaviourInsight;
import io.sitelens.spi.SitelensPlugin;
import io.sitelens.spi.SitelensSpi;
import io.sitelens.spi.insight.InsightProvider;
import java.util.List;

/**
 * The collector's plugin entry point: the behaviour insight providers ({@code behaviour-clicks},
 * {@code behaviour-forms}, {@code behaviour-scroll}, {@code behaviour-engagement}). The collector itself, its
 * privacy handler and sinks are built by the host over its store ({@link Collector#builder()},
 * {@link BehaviourPrivacyHandler}, {@link SnowplowSink#builder()}).
 */
public final class CollectorPlugin implements SitelensPlugin {
    @Override
    public String spiVersion() {
        return SitelensSpi.VERSION;
    }

    @Override
    public String name() {
        return "sitelens-collector";
    }

    @Override
    public List<InsightProvider> insightProviders() {
        return List.of(BehaviourInsight.values());
    }
}
