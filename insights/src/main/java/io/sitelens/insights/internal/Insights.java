package io.sitelens.insights.internal;

import io.sitelens.model.DateRange;
import io.sitelens.model.EntityRef;
import io.sitelens.model.Evidence;
import io.sitelens.model.Insight;
import io.sitelens.model.MetricName;
import java.util.ArrayList;
import java.util.List;

/** A small builder for {@link Insight}s, so providers read as what they say. */
public final class Insights {

    private final String providerId;
    private String type = "";
    private double score;
    private EntityRef entity = EntityRef.site();
    private DateRange period = DateRange.day(java.time.LocalDate.EPOCH);
    private final List<Evidence> evidence = new ArrayList<>();
    private String explanation = "";
    private String action = "";

    private Insights(String providerId) {
        this.providerId = providerId;
    }

    public static Insights by(String providerId) {
        return new Insights(providerId);
    }

    public Insights type(String t) {
        this.type = t;
        return this;
    }

    public Insights score(double s) {
        this.score = Math.max(0, Math.min(1, s));
        return this;
    }

    public Insights entity(EntityRef e) {
        this.entity = e;
        return this;
    }

    public Insights period(DateRange p) {
        this.period = p;
        return this;
    }

    public Insights evidence(String label, double value) {
        evidence.add(Evidence.of(label, value));
        return this;
    }

    public Insights evidence(String label, double value, MetricName metric) {
        evidence.add(new Evidence(label, value, metric, null));
        return this;
    }

    public Insights evidence(String label, double value, MetricName metric, String note) {
        evidence.add(new Evidence(label, value, metric, note));
        return this;
    }

    public Insights explain(String text) {
        this.explanation = text;
        return this;
    }

    public Insights action(String text) {
        this.action = text;
        return this;
    }

    public Insight build() {
        return new Insight(type, score, entity, period, evidence, explanation, action, providerId);
    }
}
