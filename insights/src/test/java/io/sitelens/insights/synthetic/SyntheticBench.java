package io.sitelens.insights.synthetic;

import io.sitelens.insights.InMemoryInsightContext;
import io.sitelens.insights.InsightProviders;
import io.sitelens.insights.internal.AnomalyInsightProvider;
import io.sitelens.insights.synthetic.SyntheticTraffic.Kind;
import io.sitelens.insights.synthetic.SyntheticTraffic.Series;
import io.sitelens.model.DateRange;
import io.sitelens.model.Insight;
import io.sitelens.model.MetricName;
import io.sitelens.model.Project;
import io.sitelens.model.ProjectKey;
import io.sitelens.spi.insight.InsightProvider;
import java.net.URI;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;

/**
 * Bench (not a test): generates seeded synthetic daily web traffic with injected anomalies and no-alert cases,
 * runs the anomaly and change providers as a daily job would (re-run at increasing end dates to measure the
 * delay), and prints recall, detection delay, precision and false alarms per series-month per anomaly type
 * and size; then the movers case (one page moving while the total is flat). Usage: {@code SyntheticBench
 * [seriesPerCase] [seed]}.
 */
public final class SyntheticBench {

    static final Project PROJECT = Project.builder(
                    ProjectKey.of("bench", "synthetic"), URI.create("https://synthetic.example"))
            .build();
    static final int WARM_UP = 60;
    static final int[] PROBES = {0, 1, 2, 3, 5, 7, 14, 21, 28, 42, 63};

    record Case(Kind kind, double size, int tolerance, boolean shift) {}

    static final List<Case> CASES = List.of(
            new Case(Kind.SPIKE, 1.5, 2, false),
            new Case(Kind.SPIKE, 2.0, 2, false),
            new Case(Kind.SPIKE, 3.0, 2, false),
            new Case(Kind.DIP, 0.7, 2, false),
            new Case(Kind.DIP, 0.5, 2, false),
            new Case(Kind.DIP, 0.3, 2, false),
            new Case(Kind.OUTAGE, 0.02, 5, false),
            new Case(Kind.LEVEL_SHIFT, 0.7, 63, true),
            new Case(Kind.LEVEL_SHIFT, 1.3, 63, true),
            new Case(Kind.SLOPE_CHANGE, -0.03, 63, true),
            new Case(Kind.SLOPE_CHANGE, 0.03, 63, true),
            new Case(Kind.SLOW_DRIFT, -0.3, 63, true),
            new Case(Kind.BOUNCE_JUMP, 0.05, 3, false),
            new Case(Kind.BOUNCE_JUMP, 0.10, 3, false),
            new Case(Kind.BOUNCE_JUMP, 0.20, 3, false),
            new Case(Kind.CLEAN, 0, 0, false),
            new Case(Kind.HOLIDAYS_ONLY, 0, 0, false));

    static final List<InsightProvider> PROVIDERS = List.of(
            new AnomalyInsightProvider(new AnomalyInsightProvider.Settings(100_000, 20, 200, 10, 100, 0.05)),
            InsightProviders.changes());

    public static void main(String[] args) {
        int perCase = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
        Random rnd = new Random(seed);
        long t0 = System.nanoTime();
        System.out.println(
                "| anomaly | size | series | recall | median delay (days) | p90 delay | false alarms / series-month |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
        double matchedAll = 0;
        double alertsAll = 0;
        for (Case c : CASES) {
            int detected = 0;
            List<Integer> delays = new ArrayList<>();
            double falseAlarms = 0;
            double months = 0;
            int yearOneHolidayAlerts = 0;
            for (int k = 0; k < perCase; k++) {
                long s = rnd.nextLong();
                int start = c.kind() == Kind.CLEAN || c.kind() == Kind.HOLIDAYS_ONLY ? 100_000 : 400 + rnd.nextInt(240);
                int length = c.shift() ? start + 64 : 730;
                Series series = SyntheticTraffic.generate(s, length, c.kind(), c.size(), start);
                // detection delay: re-run as a daily job would, at increasing end dates
                if (start < length) {
                    for (int probe : PROBES) {
                        int end = start + probe;
                        if (end >= length) {
                            break;
                        }
                        if (probe > c.tolerance()) {
                            break;
                        }
                        if (matches(c, run(series, end), start)) {
                            detected++;
                            delays.add(probe);
                            break;
                        }
                    }
                }
                if (Boolean.getBoolean("debug")
                        && start < length
                        && delays.size() < detected + 0 + 1
                        && c.kind() == Kind.DIP) {
                    System.out.println("  missed " + c + " start " + start + ": "
                            + run(series, start).stream()
                                    .filter(i -> day(i) >= start - 3)
                                    .map(i -> i.type() + "@" + day(i))
                                    .toList());
                }
                // false alarms and precision on the full series
                List<Insight> all = run(series, length - 1);
                TreeSet<Integer> alertDays = new TreeSet<>();
                TreeSet<Integer> matchedDays = new TreeSet<>();
                for (Insight i : all) {
                    int day = day(i);
                    if (day < WARM_UP) {
                        continue;
                    }
                    boolean holiday = SyntheticTraffic.HOLIDAYS.contains(
                                    MonthDay.from(series.firstDay().plusDays(day)))
                            || SyntheticTraffic.HOLIDAYS.contains(
                                    MonthDay.from(series.firstDay().plusDays(day - 1)));
                    if (day < 365 && holiday && c.kind() != Kind.CLEAN) {
                        yearOneHolidayAlerts++;
                        continue; // first sight of a holiday: a fair surprise, not counted either way
                    }
                    alertDays.add(day);
                    if (day >= start - 1 && day <= start + c.tolerance() && accepts(c, i)) {
                        matchedDays.add(day);
                    }
                }
                falseAlarms += alertDays.size() - matchedDays.size();
                matchedAll += matchedDays.size();
                alertsAll += alertDays.size();
                months += (length - WARM_UP) / 30.44;
            }
            boolean anomalous = c.kind() != Kind.CLEAN && c.kind() != Kind.HOLIDAYS_ONLY;
            int[] d = delays.stream().mapToInt(Integer::intValue).sorted().toArray();
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %s | %d | %s | %s | %s | %.3f |%n",
                    c.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    anomalous ? sizeText(c) : "-",
                    perCase,
                    anomalous ? String.format(Locale.ROOT, "%.2f", detected / (double) perCase) : "-",
                    d.length == 0 ? "-" : Integer.toString(d[d.length / 2]),
                    d.length == 0
                            ? "-"
                            : Integer.toString(d[Math.min(d.length - 1, (int) Math.ceil(0.9 * d.length) - 1)]),
                    falseAlarms / months);
            if (c.kind() == Kind.HOLIDAYS_ONLY) {
                System.out.printf(
                        Locale.ROOT,
                        "|   (first-year holiday alerts, not counted: %d over %d series) | | | | | | |%n",
                        yearOneHolidayAlerts,
                        perCase);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%nprecision (alert days matching an injected anomaly / all alert days after warm-up): %.3f%n",
                matchedAll / Math.max(1, alertsAll));
        movers(perCase, rnd);
        System.out.printf(Locale.ROOT, "elapsed %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    static String sizeText(Case c) {
        return switch (c.kind()) {
            case SPIKE, DIP, LEVEL_SHIFT -> "x" + c.size();
            case OUTAGE -> "to " + (int) Math.round(c.size() * 100) + "% for 5 days";
            case SLOPE_CHANGE -> String.format(Locale.ROOT, "%+.0f%%/week", 100 * c.size());
            case SLOW_DRIFT -> String.format(Locale.ROOT, "%+.0f%% over 60 days", 100 * c.size());
            case BOUNCE_JUMP -> String.format(Locale.ROOT, "+%.0f points for 3 days", 100 * c.size());
            case CLEAN, HOLIDAYS_ONLY -> "-";
        };
    }

    static int day(Insight i) {
        return (int)
                ChronoUnit.DAYS.between(SyntheticTraffic.FIRST_DAY, i.period().start());
    }

    static boolean accepts(Case c, Insight i) {
        String t = i.type();
        return switch (c.kind()) {
            case SPIKE -> t.equals("anomaly.spike");
            case DIP -> t.equals("anomaly.dip");
            case OUTAGE -> t.equals("tracking.outage") || t.equals("anomaly.dip");
            case LEVEL_SHIFT, SLOPE_CHANGE, SLOW_DRIFT -> !t.startsWith("anomaly.rate");
            case BOUNCE_JUMP -> t.startsWith("anomaly.rate");
            case CLEAN, HOLIDAYS_ONLY -> false;
        };
    }

    static boolean matches(Case c, List<Insight> found, int start) {
        for (Insight i : found) {
            int d = day(i);
            boolean inWindow = c.shift()
                    ? d >= start - 7 && d <= start + c.tolerance()
                    : d >= start - 1 && d <= start + c.tolerance();
            if (inWindow && accepts(c, i)) {
                return true;
            }
        }
        return false;
    }

    static List<Insight> run(Series s, int end) {
        LocalDate first = s.firstDay();
        DateRange period = DateRange.of(first, first.plusDays(end));
        var b = InMemoryInsightContext.builder(PROJECT, period);
        double[] cut = Arrays.copyOf(s.sessions(), end + 1);
        b.series("ga4", MetricName.SESSIONS, "", first, cut);
        b.series("ga4", MetricName.PAGE_VIEWS, "", first, Arrays.copyOf(s.pageViews(), end + 1));
        b.series("ga4", MetricName.BOUNCE_RATE, "", first, Arrays.copyOf(s.bounceRate(), end + 1));
        var ctx = b.build();
        List<Insight> out = new ArrayList<>();
        for (InsightProvider p : PROVIDERS) {
            out.addAll(p.insights(ctx));
        }
        return out;
    }

    /** Sites of 30 pages with flat totals; in half of them one mid-sized page doubles or halves in the last 28 days. */
    static void movers(int perCase, Random rnd) {
        int found = 0;
        int top = 0;
        int moved = 0;
        int falseMovers = 0;
        for (int k = 0; k < 2 * perCase; k++) {
            boolean move = k % 2 == 0;
            LocalDate first = LocalDate.of(2025, 1, 1);
            DateRange period = DateRange.of(first, first.plusDays(364));
            var b = InMemoryInsightContext.builder(PROJECT, period);
            int target = 5 + rnd.nextInt(10);
            double factor = rnd.nextBoolean() ? 2.0 : 0.5;
            for (int p = 0; p < 30; p++) {
                Series s = SyntheticTraffic.generate(rnd.nextLong(), 365, Kind.CLEAN, 0, 100_000);
                double scale = 3000.0 / (p + 1) / s.sessions()[0];
                double[] v = new double[365];
                for (int d = 0; d < 365; d++) {
                    v[d] = Math.round(s.sessions()[d] * scale * ((move && p == target && d >= 337) ? factor : 1));
                }
                b.series("ga4", MetricName.SESSIONS, "page=/p" + p, first, v);
            }
            List<Insight> ins = InsightProviders.movers().insights(b.build());
            if (move) {
                moved++;
                boolean hit = ins.stream().anyMatch(i -> i.entity().id().equals("/p" + target));
                if (hit) {
                    found++;
                }
                if (!ins.isEmpty() && ins.get(0).entity().id().equals("/p" + target)) {
                    top++;
                }
                falseMovers += (int) ins.stream()
                        .filter(i -> !i.entity().id().equals("/p" + target))
                        .count();
            } else {
                falseMovers += ins.size();
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%nmovers (one page x2 or x0.5 among 30, total otherwise flat): found %d/%d, ranked first %d/%d;"
                        + " other pages reported as movers: %.2f per site%n",
                found,
                moved,
                top,
                moved,
                falseMovers / (double) (2 * perCase));
    }
}
