package io.sitelens.crawler;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The summary of a crawl, exactly the document {@code sitelens crawl --json} prints.
 *
 * @param schemaVersion version of this document's shape
 * @param root the first start URL, normalised
 * @param pages distinct page URLs fetched with a 2xx HTML response
 * @param requests every HTTP request made: pages, redirect hops, resources, robots.txt, sitemaps, external checks
 * @param resources distinct resource URLs (internal ones fetched, external ones checked)
 * @param bytes decoded body bytes received
 * @param status responses by HTTP status code ({@code "0"} for requests without a response)
 * @param findings by check id: how many distinct URLs were flagged
 * @param tags by kind ({@code gtm}, {@code ga4}, {@code matomo}): the ids found
 * @param durationMs wall time of the crawl
 */
public record CrawlReport(
        int schemaVersion,
        String root,
        long pages,
        long requests,
        long resources,
        long bytes,
        SortedMap<String, Long> status,
        SortedMap<String, Long> findings,
        Map<String, List<String>> tags,
        long durationMs) {

    public static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public CrawlReport {
        requireNonNull(root, "root");
        status = new TreeMap<>(requireNonNull(status, "status"));
        findings = new TreeMap<>(requireNonNull(findings, "findings"));
        Map<String, List<String>> t = new LinkedHashMap<>();
        for (String kind : List.of("gtm", "ga4", "matomo")) {
            t.put(kind, List.copyOf(tags.getOrDefault(kind, List.of())));
        }
        tags = java.util.Collections.unmodifiableMap(t);
    }

    /** The report as one JSON document with the fields in declaration order. */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schemaVersion", schemaVersion);
        m.put("root", root);
        m.put("pages", pages);
        m.put("requests", requests);
        m.put("resources", resources);
        m.put("bytes", bytes);
        m.put("status", status);
        m.put("findings", findings);
        m.put("tags", tags);
        m.put("durationMs", durationMs);
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a crawl report is always serialisable", e);
        }
    }

    /** How many distinct URLs the check flagged (0 when none). */
    public long findings(String checkId) {
        return findings.getOrDefault(checkId, 0L);
    }
}
