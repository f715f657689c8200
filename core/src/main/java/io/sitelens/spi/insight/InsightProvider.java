package io.sitelens.spi.insight;

import io.sitelens.model.Insight;
import java.util.List;

/**
 * Turns stored metrics, crawl results and behaviour data into {@link Insight}s, each with evidence, a
 * plain explanation and a suggested action. Providers are stateless and thread-safe; the engine ranks and
 * de-duplicates what they return.
 */
public interface InsightProvider {

    /** A short id ({@code anomalies}, {@code movers}). */
    String id();

    /** Return {@link io.sitelens.spi.SitelensSpi#VERSION}. */
    String spiVersion();

    List<Insight> insights(InsightContext context);
}
