package io.sitelens.crawler;

import static java.util.Objects.requireNonNull;

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

    /** The report as one JSON document with the fields in declaration order (two-space indented). */
    public String toJson() {
        StringBuilder sb = new StringBuilder(1024);
        sb.append("{\n");
        sb.append("  \"schemaVersion\" : ").append(schemaVersion).append(",\n");
        sb.append("  \"root\" : ");
        string(sb, root);
        sb.append(",\n");
        sb.append("  \"pages\" : ").append(pages).append(",\n");
        sb.append("  \"requests\" : ").append(requests).append(",\n");
        sb.append("  \"resources\" : ").append(resources).append(",\n");
        sb.append("  \"bytes\" : ").append(bytes).append(",\n");
        sb.append("  \"status\" : ");
        counts(sb, status);
        sb.append(",\n  \"findings\" : ");
        counts(sb, findings);
        sb.append(",\n  \"tags\" : {");
        int i = 0;
        for (Map.Entry<String, List<String>> e : tags.entrySet()) {
            sb.append(i++ == 0 ? "\n    " : ",\n    ");
            string(sb, e.getKey());
            sb.append(" : [");
            int j = 0;
            for (String id : e.getValue()) {
                sb.append(j++ == 0 ? " " : ", ");
                string(sb, id);
            }
            sb.append(j == 0 ? "]" : " ]");
        }
        sb.append(i == 0 ? "}" : "\n  }");
        sb.append(",\n  \"durationMs\" : ").append(durationMs).append("\n}");
        return sb.toString();
    }

    private static void counts(StringBuilder sb, Map<String, Long> m) {
        if (m.isEmpty()) {
            sb.append("{ }");
            return;
        }
        sb.append('{');
        int i = 0;
        for (Map.Entry<String, Long> e : m.entrySet()) {
            sb.append(i++ == 0 ? "\n    " : ",\n    ");
            string(sb, e.getKey());
            sb.append(" : ").append(e.getValue());
        }
        sb.append("\n  }");
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** How many distinct URLs the check flagged (0 when none). */
    public long findings(String checkId) {
        return findings.getOrDefault(checkId, 0L);
    }
}
