package io.sitelens.screenshots;

import io.sitelens.model.Finding;
import io.sitelens.model.Severity;
import io.sitelens.spi.crawl.RenderMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The checks a real browser makes possible, run on the metrics of a rendered page: {@code lcp-slow} (Largest
 * Contentful Paint over 2.5 s, Google's "needs improvement" line), {@code cls-high} (Cumulative Layout Shift over
 * 0.1), {@code js-error} (an uncaught error or rejected promise), {@code request-failed} (a sub-request answered
 * 4xx/5xx, failed, or was refused by the address guard).
 */
public final class RenderChecks {
    public static final double LCP_SLOW_MS = 2500;
    public static final double CLS_HIGH = 0.1;

    /** Check id → (severity, explanation), for listings and docs. */
    public static final Map<String, String> EXPLANATIONS = Map.of(
            "lcp-slow", "The largest element took over 2.5 s to paint: visitors wait for the page to look ready.",
            "cls-high", "The layout shifts by more than 0.1 while loading: visitors click the wrong thing.",
            "js-error", "A script threw an uncaught error: features of the page may not work.",
            "request-failed", "A resource the page needs failed to load (4xx/5xx, refused or unreachable).");

    private RenderChecks() {}

    public static List<Finding> findings(String url, RenderMetrics m) {
        List<Finding> out = new ArrayList<>();
        if (m.largestContentfulPaintMs() > LCP_SLOW_MS) {
            out.add(new Finding(
                    "lcp-slow",
                    Severity.WARNING,
                    url,
                    String.format(
                            Locale.ROOT,
                            "Largest Contentful Paint took %.0f ms (over %.0f ms)",
                            m.largestContentfulPaintMs(),
                            LCP_SLOW_MS),
                    Map.of("lcpMs", String.format(Locale.ROOT, "%.0f", m.largestContentfulPaintMs()))));
        }
        if (m.cumulativeLayoutShift() > CLS_HIGH) {
            out.add(new Finding(
                    "cls-high",
                    Severity.WARNING,
                    url,
                    String.format(
                            Locale.ROOT,
                            "Cumulative Layout Shift is %.3f (over %.1f)",
                            m.cumulativeLayoutShift(),
                            CLS_HIGH),
                    Map.of("cls", String.format(Locale.ROOT, "%.3f", m.cumulativeLayoutShift()))));
        }
        if (!m.javascriptErrors().isEmpty()) {
            out.add(new Finding(
                    "js-error",
                    Severity.ERROR,
                    url,
                    m.javascriptErrors().size() + " JavaScript error(s), first: "
                            + truncate(m.javascriptErrors().get(0)),
                    Map.of("count", Integer.toString(m.javascriptErrors().size()))));
        }
        if (!m.failedRequests().isEmpty()) {
            out.add(new Finding(
                    "request-failed",
                    Severity.WARNING,
                    url,
                    m.failedRequests().size() + " request(s) failed, first: "
                            + truncate(m.failedRequests().get(0)),
                    Map.of("count", Integer.toString(m.failedRequests().size()))));
        }
        return out;
    }

    private static String truncate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
