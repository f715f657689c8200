package io.sitelens.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A ranked, explained observation: its type ({@code anomaly.spike}, {@code crawl.traffic-404}), a score in
 * [0,1] used for ranking, the entity and period it concerns, the evidence numbers, a plain-language
 * explanation and a suggested action, and the provider that produced it.
 */
public record Insight(
        String type,
        double score,
        EntityRef entity,
        DateRange period,
        List<Evidence> evidence,
        String explanation,
        String suggestedAction,
        String providerId) {
    public Insight {
        requireNonNull(type, "type");
        requireNonNull(entity, "entity");
        requireNonNull(period, "period");
        evidence = List.copyOf(requireNonNull(evidence, "evidence"));
        requireNonNull(explanation, "explanation");
        requireNonNull(suggestedAction, "suggestedAction");
        requireNonNull(providerId, "providerId");
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("insight score must be in [0,1], got " + score);
        }
    }

    /** The key two insights are duplicates under: same type, entity and period. */
    public String dedupKey() {
        return type + "|" + entity.kind() + ":" + entity.id() + "|" + period;
    }
}
