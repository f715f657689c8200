package io.sitelens.crawler.internal;

import io.sitelens.crawler.CrawlReport;
import io.sitelens.model.Finding;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** The counters behind a {@link CrawlReport}: requests, bytes, statuses, flagged URLs per check, tag coverage. */
final class CrawlTally {
    private final LongAdder requests = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final ConcurrentHashMap<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LongAdder> tagCoverage = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Set<String>> flagged = new ConcurrentHashMap<>();

    /** Counts one request; returns the decoded bytes received so far. */
    long request(Fetcher.Result r) {
        requests.increment();
        bytes.add(r.bodyBytes());
        statuses.computeIfAbsent(r.status(), k -> new LongAdder()).increment();
        return bytes.sum();
    }

    void finding(Finding f) {
        flagged.computeIfAbsent(f.checkId(), k -> ConcurrentHashMap.newKeySet()).add(f.url());
    }

    /** Counts the tags of one 2xx HTML page. */
    void tags(TagDetector.Tags tags) {
        for (String id : tags.gtm) {
            add("gtm:" + id);
        }
        for (String id : tags.ga4) {
            add("ga4:" + id);
        }
        for (String id : tags.matomoSites) {
            add("matomo:" + id);
        }
        for (String t : tags.matomoTrackers) {
            add("matomo-tracker:" + t);
        }
        for (String c : tags.matomoContainers) {
            add("matomo-container:" + c);
        }
    }

    private void add(String key) {
        tagCoverage.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    /** Pages per tag ({@code gtm:GTM-…}, {@code ga4:G-…}, {@code matomo:7}, {@code matomo-tracker:URL}). */
    Map<String, Long> coverage() {
        Map<String, Long> cov = new TreeMap<>();
        tagCoverage.forEach((k, v) -> cov.put(k, v.sum()));
        return cov;
    }

    CrawlReport report(String root, long htmlPages, long resources, long durationMs) {
        TreeMap<String, Long> statusCounts = new TreeMap<>();
        statuses.forEach((code, n) -> statusCounts.put(String.valueOf(code), n.sum()));
        TreeMap<String, Long> findingCounts = new TreeMap<>();
        flagged.forEach((id, urls) -> findingCounts.put(id, (long) urls.size()));
        Map<String, TreeSet<String>> tags = new HashMap<>();
        tagCoverage.keySet().forEach(k -> {
            int colon = k.indexOf(':');
            String kind = k.substring(0, colon);
            if (kind.equals("gtm") || kind.equals("ga4") || kind.equals("matomo")) {
                tags.computeIfAbsent(kind, x -> new TreeSet<>()).add(k.substring(colon + 1));
            }
        });
        Map<String, List<String>> tagLists = new HashMap<>();
        tags.forEach((k, v) -> tagLists.put(k, List.copyOf(v)));
        return new CrawlReport(
                CrawlReport.SCHEMA_VERSION,
                root,
                htmlPages,
                requests.sum(),
                resources,
                bytes.sum(),
                statusCounts,
                findingCounts,
                tagLists,
                durationMs);
    }
}
