package io.sitelens.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitelens.spi.SitelensPlugin;
import io.sitelens.spi.SitelensSpi;
import io.sitelens.spi.insight.InsightProvider;
import io.sitelens.tck.plugin.PluginPackagingContract;
import org.junit.jupiter.api.Test;

class InsightsPluginContractTest extends PluginPackagingContract {

    @Override
    protected Class<? extends SitelensPlugin> pluginClass() {
        return InsightsPlugin.class;
    }

    @Test
    void the_plugin_contributes_the_six_providers_with_short_ids() {
        assertThat(new InsightsPlugin().insightProviders())
                .extracting(InsightProvider::id)
                .containsExactly("anomalies", "changes", "movers", "opportunities", "crawl-traffic", "tracking-plan");
        assertThat(new InsightsPlugin().insightProviders())
                .allMatch(p -> p.spiVersion().equals(SitelensSpi.VERSION));
    }
}
