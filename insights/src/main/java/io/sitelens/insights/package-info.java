/**
 * sitelens insights: the insight providers (anomalies, level shifts and tracking outages, movers,
 * opportunities, crawl × traffic, tracking-plan gaps), the {@link io.sitelens.insights.InsightEngine} that runs
 * and ranks them, and the streaming {@link io.sitelens.insights.AnomalyDetector} usable on its own.
 */
@NullMarked
package io.sitelens.insights;

import org.jspecify.annotations.NullMarked;
