package io.sitelens.connector.matomo.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitelens.model.DateRange;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** The {@code period} and {@code date} parameters for a range, and the tolerant reading of what comes back. */
final class Periods {
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** The key of the one period of an answer that is not by date. */
    static final String WHOLE_RANGE = "";

    private Periods() {}

    /** Adds {@code period}/{@code date}: daily values keyed by date, or one value for the whole range. */
    static void put(Map<String, String> params, DateRange range, boolean byDate) {
        if (byDate) {
            params.put("period", "day");
            params.put("date", range.start() + "," + range.end());
        } else if (range.days() == 1) {
            params.put("period", "day");
            params.put("date", range.start().toString());
        } else {
            params.put("period", "range");
            params.put("date", range.start() + "," + range.end());
        }
    }

    /**
     * Splits an answer into periods: an object keyed by date gives one entry per date; anything else is the one
     * period of {@code range} (keyed by its start day when {@code byDate}). An object keyed by site id is unwrapped
     * first. Empty periods ({@code []}, {@code false}) stay in the map as they came.
     */
    static Map<String, JsonNode> split(JsonNode body, DateRange range, boolean byDate, String siteId) {
        JsonNode b = body;
        if (b.isObject() && b.has(siteId) && allKeys(b, "\\d+")) {
            b = b.get(siteId);
        }
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (b.isObject() && b.size() > 0 && allKeys(b, DAY.pattern())) {
            for (Iterator<Map.Entry<String, JsonNode>> it = b.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(byDate ? e.getKey() : WHOLE_RANGE, e.getValue());
            }
            return out;
        }
        out.put(byDate ? range.start().toString() : WHOLE_RANGE, b);
        return out;
    }

    private static boolean allKeys(JsonNode obj, String regex) {
        for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
            if (!it.next().matches(regex)) {
                return false;
            }
        }
        return true;
    }

    /** Whether a period's value says "no data" ({@code []}, {@code false}, {@code null}, {@code {}}). */
    static boolean isEmpty(JsonNode period) {
        return period == null
                || period.isNull()
                || period.isMissingNode()
                || (period.isBoolean() && !period.asBoolean())
                || (period.isContainerNode() && period.isEmpty());
    }
}
