package io.sitelens.insights;

import io.sitelens.model.DateRange;
import io.sitelens.model.Page;
import io.sitelens.model.Project;
import io.sitelens.model.ProjectKey;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;

/** Constructed (synthetic) test data: a project, a year-long period and daily series with known shape. */
final class Sites {

    static final Project PROJECT = Project.builder(ProjectKey.of("acme", "shop"), URI.create("https://shop.example"))
            .build();
    static final LocalDate START = LocalDate.of(2025, 1, 6); // a Monday
    static final DateRange YEAR = DateRange.of(START, START.plusDays(364));
    static final int DAYS = 365;

    private Sites() {}

    /** A daily count series: {@code level} on weekdays, 60% of it at weekends, with relative noise. */
    static double[] weekly(double level, double noise, long seed) {
        Random rnd = new Random(seed);
        double[] v = new double[DAYS];
        for (int i = 0; i < DAYS; i++) {
            double base = (i % 7 >= 5) ? 0.6 * level : level;
            v[i] = Math.max(0, Math.round(base * (1 + noise * rnd.nextGaussian())));
        }
        return v;
    }

    /** A constant series. */
    static double[] flat(double value) {
        double[] v = new double[DAYS];
        java.util.Arrays.fill(v, value);
        return v;
    }

    /** A rate around {@code p} with binomial noise for {@code n} sessions a day. */
    static double[] rate(double p, double[] n, long seed) {
        Random rnd = new Random(seed);
        double[] v = new double[DAYS];
        for (int i = 0; i < DAYS; i++) {
            double sd = Math.sqrt(p * (1 - p) / Math.max(1, n[i]));
            v[i] = Math.min(1, Math.max(0, p + sd * rnd.nextGaussian()));
        }
        return v;
    }

    static Page page(String path, int status, boolean indexable, long millis, long bytes) {
        return new Page(
                "https://shop.example" + path,
                status,
                "text/html",
                1,
                bytes,
                Duration.ofMillis(millis),
                "t",
                indexable,
                null,
                status >= 300 && status < 400 ? "https://shop.example/new" : null,
                Instant.parse("2025-12-30T00:00:00Z"));
    }

    static InMemoryInsightContext.Builder context() {
        return InMemoryInsightContext.builder(PROJECT, YEAR);
    }
}
