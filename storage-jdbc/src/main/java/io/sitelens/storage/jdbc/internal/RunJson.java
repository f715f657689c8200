package io.sitelens.storage.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.sitelens.ErrorCategory;
import io.sitelens.ErrorCode;
import io.sitelens.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** A run's outcomes and usage as JSON text columns (read and written whole, never queried). */
final class RunJson {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One outcome: {@code succeeded} (text = summary), {@code failed} (text = message), {@code skipped}. */
    private record Item(
            String result,
            String providerId,
            String text,
            @Nullable String errorCode,
            @Nullable String errorCategory,
            @Nullable Boolean retryable) {}

    private RunJson() {}

    static String ofOutcomes(List<Outcome> outcomes) {
        List<Item> items = new ArrayList<>(outcomes.size());
        for (Outcome o : outcomes) {
            if (o instanceof Outcome.Succeeded s) {
                items.add(new Item("succeeded", s.providerId(), s.summary(), null, null, null));
            } else if (o instanceof Outcome.Failed f) {
                items.add(new Item(
                        "failed",
                        f.providerId(),
                        f.message(),
                        f.errorCode().code(),
                        f.errorCode().category().name(),
                        f.errorCode().retryable()));
            } else if (o instanceof Outcome.Skipped k) {
                items.add(new Item("skipped", k.providerId(), k.reason(), null, null, null));
            }
        }
        return write(items);
    }

    static List<Outcome> toOutcomes(String json) {
        List<Item> items = read(json, new TypeReference<List<Item>>() {});
        List<Outcome> out = new ArrayList<>(items.size());
        for (Item i : items) {
            out.add(
                    switch (i.result()) {
                        case "succeeded" -> new Outcome.Succeeded(i.providerId(), i.text());
                        case "failed" ->
                            new Outcome.Failed(
                                    i.providerId(),
                                    ErrorCode.of(
                                            String.valueOf(i.errorCode()),
                                            ErrorCategory.valueOf(String.valueOf(i.errorCategory())),
                                            Boolean.TRUE.equals(i.retryable())),
                                    i.text());
                        case "skipped" -> new Outcome.Skipped(i.providerId(), i.text());
                        default ->
                            throw new IllegalStateException(
                                    "stored run outcome has an unknown result '" + i.result() + "'");
                    });
        }
        return List.copyOf(out);
    }

    static String ofUsage(Map<String, Map<String, Long>> usage) {
        Map<String, Map<String, Long>> sorted = new TreeMap<>();
        usage.forEach((k, v) -> sorted.put(k, new TreeMap<>(v)));
        return write(sorted);
    }

    static Map<String, Map<String, Long>> toUsage(String json) {
        Map<String, Map<String, Long>> m = read(json, new TypeReference<Map<String, Map<String, Long>>>() {});
        Map<String, Map<String, Long>> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, Map.copyOf(v)));
        return Map.copyOf(out);
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("run data could not be written as JSON", e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored run data is not valid JSON", e);
        }
    }
}
