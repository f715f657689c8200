package io.sitelens.storage.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.sitelens.model.Evidence;
import io.sitelens.model.MetricName;
import io.sitelens.model.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Evidence (a finding's label → value map, an insight's numbers) as a JSON text column: it is read and written
 * whole, never queried, and a text column behaves the same on H2 and PostgreSQL. Non-finite numbers round-trip
 * (Jackson writes them as the strings "NaN" and "Infinity").
 */
final class EvidenceJson {
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private record Item(
            String label,
            double value,
            @Nullable String metric,
            @Nullable String metricType,
            @Nullable String note) {}

    private EvidenceJson() {}

    static String ofMap(Map<String, String> evidence) {
        return write(new TreeMap<>(evidence));
    }

    static Map<String, String> toMap(String json) {
        try {
            return Map.copyOf(JSON.readValue(json, new TypeReference<Map<String, String>>() {}));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored finding evidence is not valid JSON", e);
        }
    }

    static String ofList(List<Evidence> evidence) {
        List<Item> items = new ArrayList<>(evidence.size());
        for (Evidence e : evidence) {
            MetricName m = e.metric();
            items.add(new Item(
                    e.label(),
                    e.value(),
                    m == null ? null : m.name(),
                    m == null ? null : m.type().name(),
                    e.note()));
        }
        return write(items);
    }

    static List<Evidence> toList(String json) {
        try {
            List<Item> items = JSON.readValue(json, new TypeReference<List<Item>>() {});
            List<Evidence> out = new ArrayList<>(items.size());
            for (Item i : items) {
                MetricName m = i.metric() == null
                        ? null
                        : new MetricName(i.metric(), ValueType.valueOf(String.valueOf(i.metricType())));
                out.add(new Evidence(i.label(), i.value(), m, i.note()));
            }
            return List.copyOf(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored insight evidence is not valid JSON", e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("evidence could not be written as JSON", e);
        }
    }
}
