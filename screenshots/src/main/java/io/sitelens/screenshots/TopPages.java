package io.sitelens.screenshots;

import io.sitelens.model.DateRange;
import io.sitelens.model.Link;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricPoint;
import io.sitelens.model.Page;
import io.sitelens.model.ProjectKey;
import io.sitelens.spi.storage.CrawlRun;
import io.sitelens.spi.storage.StorageAdapter;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the pages worth a screenshot: the top N crawled HTML pages by analytics page views over the last 30
 * days where a connector's data is stored, otherwise by internal in-links of the latest crawl. Ties go by URL.
 */
public final class TopPages {
    private TopPages() {}

    /** How the pages were ranked. */
    public enum Basis {
        PAGE_VIEWS,
        IN_LINKS
    }

    public record Selection(Basis basis, List<String> urls) {}

    public static Selection select(
            StorageAdapter storage, ProjectKey project, long crawlRunId, int n, LocalDate today) {
        List<Page> pages = storage.crawls().pages(project, crawlRunId).stream()
                .filter(Page::isHtmlOk)
                .toList();
        Map<String, Double> views = pageViews(storage, project, DateRange.lastDays(today.minusDays(1), 30));
        if (!views.isEmpty()) {
            Map<String, Double> byUrl = new LinkedHashMap<>();
            for (Page p : pages) {
                byUrl.put(p.url(), views.getOrDefault(pathOf(p.url()), 0.0));
            }
            if (byUrl.values().stream().anyMatch(v -> v > 0)) {
                return new Selection(Basis.PAGE_VIEWS, top(byUrl, n));
            }
        }
        Map<String, Double> inLinks = new HashMap<>();
        pages.forEach(p -> inLinks.put(p.url(), 0.0));
        for (Link l : storage.crawls().links(project, crawlRunId)) {
            if (l.internal() && !l.from().equals(l.to()) && inLinks.containsKey(l.to())) {
                inLinks.merge(l.to(), 1.0, Double::sum);
            }
        }
        return new Selection(Basis.IN_LINKS, top(inLinks, n));
    }

    /** The latest completed crawl's id, if any. */
    public static Optional<Long> latestCrawl(StorageAdapter storage, ProjectKey project) {
        return storage.crawls().latestCompletedRun(project).map(CrawlRun::id);
    }

    private static Map<String, Double> pageViews(StorageAdapter storage, ProjectKey project, DateRange range) {
        Map<String, Double> out = new HashMap<>();
        for (String source : storage.metrics().sources(project)) {
            for (String key : storage.metrics().dimensionKeys(project, source, MetricName.PAGE_VIEWS, range)) {
                if (!key.startsWith("page=")) {
                    continue;
                }
                double sum = 0;
                for (MetricPoint p : storage.metrics().series(project, source, MetricName.PAGE_VIEWS, key, range)) {
                    sum += p.value();
                }
                out.merge(key.substring(5), sum, Double::sum);
            }
        }
        return out;
    }

    static String pathOf(String url) {
        try {
            URI u = URI.create(url);
            String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
            return u.getRawQuery() == null ? path : path + "?" + u.getRawQuery();
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    private static List<String> top(Map<String, Double> scores, int n) {
        List<Map.Entry<String, Double>> all = new ArrayList<>(scores.entrySet());
        all.sort(Comparator.<Map.Entry<String, Double>>comparingDouble(Map.Entry::getValue)
                .reversed()
                .thenComparing(Map.Entry::getKey));
        return all.stream().limit(Math.max(0, n)).map(Map.Entry::getKey).toList();
    }
}
