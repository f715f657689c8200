package io.sitelens.insights;

import io.sitelens.spi.insight.InsightProvider;
import java.util.List;

/** The built-in insight providers, each with default settings. */
public final class InsightProviders {

    private InsightProviders() {}

    /** Every built-in provider, in a stable order. */
    public static List<InsightProvider> all() {
        return List.of();
    }
}
