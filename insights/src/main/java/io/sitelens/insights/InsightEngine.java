package io.sitelens.insights;

import static java.util.Objects.requireNonNull;

import io.sitelens.ErrorCode;
import io.sitelens.Outcome;
import io.sitelens.SitelensException;
import io.sitelens.model.Insight;
import io.sitelens.spi.insight.InsightContext;
import io.sitelens.spi.insight.InsightProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs insight providers over an {@link InsightContext}, then ranks and de-duplicates what they found.
 *
 * <p>Ranking: by score, highest first; ties by type, entity and period so the order is stable. De-duplication:
 * insights with the same {@link Insight#dedupKey()} (type, entity, period) keep the highest-scored one;
 * and an anomaly on an entity and day that a tracking outage already explains ({@code tracking.outage}
 * covering that day on the same entity) is dropped, since the outage is the real news. A provider that throws
 * yields an {@link Outcome.Failed} and the others still run. Immutable and thread-safe; build with
 * {@link #builder()}.
 */
public final class InsightEngine {

    private final List<InsightProvider> providers;
    private final int maxInsights;
    private final int parallelism;

    private InsightEngine(Builder b) {
        this.providers = List.copyOf(b.providers);
        this.maxInsights = b.maxInsights;
        this.parallelism = b.parallelism;
        Set<String> ids = new HashSet<>();
        for (InsightProvider p : providers) {
            if (!ids.add(p.id())) {
                throw new IllegalArgumentException("two insight providers with id '" + p.id() + "'");
            }
        }
    }

    /** A builder with every built-in provider. */
    public static Builder builder() {
        return new Builder();
    }

    public List<InsightProvider> providers() {
        return providers;
    }

    /** Runs every provider and returns the ranked, de-duplicated insights with per-provider outcomes. */
    public InsightReport run(InsightContext context) {
        requireNonNull(context, "context");
        long t0 = System.nanoTime();
        List<Insight> all = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        if (parallelism <= 1 || providers.size() <= 1) {
            for (InsightProvider p : providers) {
                collect(p, () -> p.insights(context), all, outcomes);
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, providers.size()), r -> {
                Thread t = new Thread(r, "sitelens-insights");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<List<Insight>>> futures = new ArrayList<>();
                for (InsightProvider p : providers) {
                    futures.add(pool.submit(() -> p.insights(context)));
                }
                for (int i = 0; i < providers.size(); i++) {
                    Future<List<Insight>> f = futures.get(i);
                    collect(
                            providers.get(i),
                            () -> {
                                try {
                                    return f.get();
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                    throw new SitelensException(ErrorCode.CANCELLED, "insight run interrupted", e);
                                } catch (ExecutionException e) {
                                    if (e.getCause() instanceof RuntimeException re) {
                                        throw re;
                                    }
                                    throw new SitelensException(ErrorCode.INTERNAL, String.valueOf(e.getCause()), e);
                                }
                            },
                            all,
                            outcomes);
                }
            } finally {
                pool.shutdownNow();
            }
        }
        List<Insight> ranked = rank(all, maxInsights);
        return new InsightReport(ranked, outcomes, Duration.ofNanos(System.nanoTime() - t0));
    }

    private interface Call {
        List<Insight> get();
    }

    private static void collect(InsightProvider p, Call call, List<Insight> all, List<Outcome> outcomes) {
        try {
            List<Insight> found = call.get();
            all.addAll(found);
            outcomes.add(new Outcome.Succeeded(p.id(), found.size() + " insights"));
        } catch (SitelensException e) {
            outcomes.add(Outcome.Failed.of(p.id(), e));
        } catch (RuntimeException e) {
            outcomes.add(
                    new Outcome.Failed(p.id(), ErrorCode.INTERNAL, "insight provider " + p.id() + " failed: " + e));
        }
    }

    static final Comparator<Insight> RANK = Comparator.comparingDouble(Insight::score)
            .reversed()
            .thenComparing(Insight::type)
            .thenComparing(i -> i.entity().kind())
            .thenComparing(i -> i.entity().id())
            .thenComparing(i -> i.period().start());

    /** Ranks, de-duplicates and truncates. */
    static List<Insight> rank(List<Insight> all, int max) {
        Map<String, Insight> best = new LinkedHashMap<>();
        for (Insight i : all) {
            best.merge(i.dedupKey(), i, (a, b) -> a.score() >= b.score() ? a : b);
        }
        List<Insight> outages = best.values().stream()
                .filter(i -> i.type().equals("tracking.outage"))
                .toList();
        List<Insight> kept = new ArrayList<>();
        for (Insight i : best.values()) {
            boolean explained = i.type().startsWith("anomaly.")
                    && outages.stream()
                            .anyMatch(o -> o.entity().equals(i.entity())
                                    && !i.period().start().isBefore(o.period().start())
                                    && !i.period().end().isAfter(o.period().end()));
            if (!explained) {
                kept.add(i);
            }
        }
        kept.sort(RANK);
        return kept.size() > max ? List.copyOf(kept.subList(0, max)) : kept;
    }

    /** Chooses the providers and limits of an engine. */
    public static final class Builder {
        private final List<InsightProvider> providers = new ArrayList<>(InsightProviders.all());
        private int maxInsights = 500;
        private int parallelism = 1;

        private Builder() {}

        /** Replaces the providers (the default is {@link InsightProviders#all()}). */
        public Builder providers(List<? extends InsightProvider> list) {
            providers.clear();
            providers.addAll(List.copyOf(list));
            return this;
        }

        /** Adds a provider (for example one found through plugin discovery). */
        public Builder addProvider(InsightProvider provider) {
            providers.add(requireNonNull(provider, "provider"));
            return this;
        }

        /** The most insights a run returns, after ranking (default 500). */
        public Builder maxInsights(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxInsights must be positive: " + max);
            }
            this.maxInsights = max;
            return this;
        }

        /** Providers run concurrently on up to this many threads (default 1: one after the other). */
        public Builder parallelism(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("parallelism must be positive: " + threads);
            }
            this.parallelism = threads;
            return this;
        }

        public InsightEngine build() {
            return new InsightEngine(this);
        }
    }
}
