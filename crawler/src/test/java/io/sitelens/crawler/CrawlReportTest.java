package io.sitelens.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CrawlReportTest {
    @Test
    void to_json_is_valid_json_with_escaped_strings_and_all_tag_kinds() throws Exception {
        CrawlReport r = new CrawlReport(
                1,
                "https://example.com/\"q\"\\\u0001",
                3,
                5,
                2,
                1234,
                new TreeMap<>(Map.of("200", 4L, "404", 1L)),
                new TreeMap<>(Map.of("title-missing", 1L)),
                Map.of("ga4", List.of("G-ABCDEF12")),
                99);
        JsonNode n = new ObjectMapper().readTree(r.toJson());
        assertThat(n.get("root").asText()).isEqualTo("https://example.com/\"q\"\\\u0001");
        assertThat(n.get("status").get("404").asLong()).isEqualTo(1);
        assertThat(n.get("findings").get("title-missing").asLong()).isEqualTo(1);
        assertThat(n.get("tags").get("ga4").get(0).asText()).isEqualTo("G-ABCDEF12");
        assertThat(n.get("tags").get("gtm")).isEmpty();
        assertThat(n.get("tags").get("matomo")).isEmpty();
        assertThat(n.get("durationMs").asLong()).isEqualTo(99);
    }

    @Test
    void empty_maps_are_empty_objects() throws Exception {
        CrawlReport r = new CrawlReport(1, "http://x/", 0, 0, 0, 0, new TreeMap<>(), new TreeMap<>(), Map.of(), 0);
        JsonNode n = new ObjectMapper().readTree(r.toJson());
        assertThat(n.get("status").size()).isZero();
        assertThat(n.get("findings").size()).isZero();
    }
}
