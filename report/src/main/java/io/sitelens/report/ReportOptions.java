package io.sitelens.report;

import static java.util.Objects.requireNonNull;

import io.sitelens.model.TrackingPlan;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a report covers: the last day of its periods (default yesterday in the project's zone), the metrics
 * source (a binding id; default the first source with site data), how many screenshots it embeds and how many
 * pages and insights it lists, the GTM tracking plan when there is one, and notes the caller adds (such as
 * "Chromium was not found, no screenshots").
 */
public final class ReportOptions {
    private final @Nullable LocalDate asOf;
    private final @Nullable String source;
    private final int screenshots;
    private final int maxPages;
    private final int maxInsights;
    private final @Nullable TrackingPlan trackingPlan;
    private final List<String> notes;

    private ReportOptions(Builder b) {
        this.asOf = b.asOf;
        this.source = b.source;
        this.screenshots = b.screenshots;
        this.maxPages = b.maxPages;
        this.maxInsights = b.maxInsights;
        this.trackingPlan = b.trackingPlan;
        this.notes = List.copyOf(b.notes);
    }

    public static ReportOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public @Nullable LocalDate asOf() {
        return asOf;
    }

    public @Nullable String source() {
        return source;
    }

    public int screenshots() {
        return screenshots;
    }

    public int maxPages() {
        return maxPages;
    }

    public int maxInsights() {
        return maxInsights;
    }

    public @Nullable TrackingPlan trackingPlan() {
        return trackingPlan;
    }

    public List<String> notes() {
        return notes;
    }

    public static final class Builder {
        private @Nullable LocalDate asOf;
        private @Nullable String source;
        private int screenshots = 24;
        private int maxPages = 500;
        private int maxInsights = 50;
        private @Nullable TrackingPlan trackingPlan;
        private final List<String> notes = new ArrayList<>();

        private Builder() {}

        /** The last day of the current period; the previous period is the 28 days before it. */
        public Builder asOf(LocalDate day) {
            this.asOf = requireNonNull(day, "day");
            return this;
        }

        /** The binding id whose stored metrics the report shows. */
        public Builder source(String bindingId) {
            this.source = requireNonNull(bindingId, "bindingId");
            return this;
        }

        /** The most screenshots embedded (0..500); each is the stored PNG, unchanged. */
        public Builder screenshots(int n) {
            if (n < 0 || n > 500) {
                throw new IllegalArgumentException("screenshots must be within 0..500, got " + n);
            }
            this.screenshots = n;
            return this;
        }

        public Builder maxPages(int n) {
            if (n < 1 || n > 100_000) {
                throw new IllegalArgumentException("maxPages must be within 1..100000, got " + n);
            }
            this.maxPages = n;
            return this;
        }

        public Builder maxInsights(int n) {
            if (n < 1 || n > 1000) {
                throw new IllegalArgumentException("maxInsights must be within 1..1000, got " + n);
            }
            this.maxInsights = n;
            return this;
        }

        public Builder trackingPlan(@Nullable TrackingPlan plan) {
            this.trackingPlan = plan;
            return this;
        }

        public Builder note(String note) {
            notes.add(requireNonNull(note, "note"));
            return this;
        }

        public ReportOptions build() {
            return new ReportOptions(this);
        }
    }
}
