package io.sitelens.connector.matomo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.function.Function;

/** Answers computed the way Matomo computes them from a call's period, date and paging parameters. */
final class Answers {
    static final ObjectMapper JSON = new ObjectMapper();

    private Answers() {}

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A row report: the same rows every day, paged by {@code filter_limit}/{@code filter_offset}; for
     * {@code date=A,B} an object keyed by each day (as Matomo answers several periods), else one array.
     */
    static Function<FakeMatomo.Call, String> pagedRows(JsonNode rows) {
        return call -> {
            int limit = Integer.parseInt(call.params().getOrDefault("filter_limit", "-1"));
            int offset = Integer.parseInt(call.params().getOrDefault("filter_offset", "0"));
            ArrayNode page = JSON.createArrayNode();
            for (int i = offset; i < rows.size() && (limit < 0 || i < offset + limit); i++) {
                page.add(rows.get(i));
            }
            return keyedByDay(call, page).toString();
        };
    }

    /** {@code value} for every day of {@code date=A,B}, or {@code value} itself for one date. */
    static JsonNode keyedByDay(FakeMatomo.Call call, JsonNode value) {
        String date = call.params().getOrDefault("date", "");
        if (!date.contains(",") || "range".equals(call.params().get("period"))) {
            return value;
        }
        String[] ends = date.split(",");
        ObjectNode byDay = JSON.createObjectNode();
        for (LocalDate d = LocalDate.parse(ends[0]); !d.isAfter(LocalDate.parse(ends[1])); d = d.plusDays(1)) {
            byDay.set(d.toString(), value);
        }
        return byDay;
    }

    /** The days of a keyed-by-date fixture that fall in the call's {@code date=A,B}. */
    static JsonNode daysOf(JsonNode keyed, FakeMatomo.Call call) {
        String[] ends = call.params().get("date").split(",");
        ObjectNode out = JSON.createObjectNode();
        for (LocalDate d = LocalDate.parse(ends[0]); !d.isAfter(LocalDate.parse(ends[1])); d = d.plusDays(1)) {
            out.set(d.toString(), keyed.has(d.toString()) ? keyed.get(d.toString()) : JSON.createArrayNode());
        }
        return out;
    }
}
