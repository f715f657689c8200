package io.sitelens.insights.nab;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Numenta Anomaly Benchmark score, written from NAB's published rules (Lavin &amp; Ahmad 2015, NAB
 * v1.1): rows in the first 15% of a file (at most 750 rows) are probationary and not scored; a detection is a
 * row whose score is at or above the threshold; in each labelled window only the earliest detection counts,
 * weighted by a scaled sigmoid of its position ({@code 2/(1+e^{5x}) - 1}, x = -1 at the window's left edge),
 * so a window yields at most {@code tpWeight}; an undetected window costs {@code fnWeight}; a detection
 * outside every window costs {@code fpWeight} times the sigmoid of its distance past the previous window
 * (in window widths), or the full {@code fpWeight} before the first window. Normalised as
 * {@code 100 (raw - null) / (windows * tpWeight - null)} where null is the score of a detector that never fires.
 */
public final class NabScorer {

    /** One cost matrix (NAB's {@code config/profiles.json}). */
    public record Profile(String name, double tpWeight, double fpWeight, double fnWeight) {}

    public static final Profile STANDARD = new Profile("standard", 1.0, 0.11, 1.0);
    public static final Profile LOW_FP = new Profile("reward_low_FP_rate", 1.0, 0.22, 1.0);
    public static final Profile LOW_FN = new Profile("reward_low_FN_rate", 1.0, 0.11, 2.0);
    public static final List<Profile> PROFILES = List.of(STANDARD, LOW_FP, LOW_FN);

    /** A labelled window, inclusive. */
    public record Window(LocalDateTime start, LocalDateTime end) {}

    /** One scored file: timestamps and the detector's scores, with its windows. */
    public record ScoredFile(String name, List<LocalDateTime> timestamps, double[] scores, List<Window> windows) {}

    /** A corpus score at one threshold. */
    public record Result(double threshold, double raw, int tp, int fp, int fn, int tn) {}

    private static final double PROBATION = 0.15;

    private NabScorer() {}

    static double scaledSigmoid(double x) {
        return x >= 3.0 ? -1.0 : 2.0 / (1.0 + Math.exp(5.0 * x)) - 1.0;
    }

    static int probationRows(int n) {
        return (int) Math.min(Math.floor(PROBATION * n), PROBATION * 5000);
    }

    /** A scorable row: its detector score, its weighted contribution if detected, its window (-1 = none). */
    private record Row(double score, double weight, int window) {}

    /** Rows after probation of one file, with window ids offset by {@code windowBase}. */
    private static List<Row> rows(ScoredFile f, Profile p, int windowBase, List<Integer> windowIdsOut) {
        int n = f.timestamps().size();
        int[] win = new int[n];
        Arrays.fill(win, -1);
        int[] left = new int[f.windows().size()];
        int[] right = new int[f.windows().size()];
        for (int w = 0; w < f.windows().size(); w++) {
            Window window = f.windows().get(w);
            int l = -1;
            int r = -1;
            for (int i = 0; i < n; i++) {
                LocalDateTime t = f.timestamps().get(i);
                if (l < 0 && !t.isBefore(window.start())) {
                    l = i;
                }
                if (!t.isAfter(window.end())) {
                    r = i;
                }
            }
            left[w] = l;
            right[w] = r;
            for (int i = l; i >= 0 && i <= r; i++) {
                win[i] = w;
            }
        }
        double maxTp = scaledSigmoid(-1.0);
        int probation = probationRows(n);
        List<Row> out = new ArrayList<>(n);
        int prevRight = -1;
        int prevWidth = 0;
        boolean[] seen = new boolean[f.windows().size()];
        for (int i = 0; i < n; i++) {
            int w = win[i];
            double weight;
            if (w >= 0) {
                double width = right[w] - left[w] + 1;
                weight = scaledSigmoid(-(right[w] - i + 1) / width) * p.tpWeight() / maxTp;
            } else {
                double pos = prevRight < 0 ? 3.0 : Math.abs(prevRight - i) / (double) (prevWidth - 1);
                weight = scaledSigmoid(pos) * p.fpWeight();
            }
            if (i >= probation) {
                out.add(new Row(f.scores()[i], weight, w < 0 ? -1 : windowBase + w));
                if (w >= 0 && !seen[w]) {
                    seen[w] = true;
                    windowIdsOut.add(windowBase + w);
                }
            }
            if (w >= 0 && i == right[w]) {
                prevRight = i;
                prevWidth = right[w] - left[w] + 1;
            }
        }
        return out;
    }

    /** Scores for every candidate threshold (each distinct score value), best first by threshold descending. */
    public static List<Result> sweep(List<ScoredFile> files, Profile p) {
        List<Row> all = new ArrayList<>();
        List<Integer> windowIds = new ArrayList<>();
        int base = 0;
        for (ScoredFile f : files) {
            all.addAll(rows(f, p, base, windowIds));
            base += f.windows().size();
        }
        all.sort(Comparator.comparingDouble(Row::score).reversed());
        Map<Integer, Double> best = new HashMap<>();
        for (int id : windowIds) {
            best.put(id, -p.fnWeight());
        }
        double windowSum = -p.fnWeight() * windowIds.size();
        double fpSum = 0;
        int inWindow = (int) all.stream().filter(r -> r.window() >= 0).count();
        int tp = 0;
        int fp = 0;
        int fn = inWindow;
        int tn = all.size() - inWindow;
        List<Result> results = new ArrayList<>();
        for (int k = 0; k < all.size(); ) {
            double threshold = all.get(k).score();
            for (; k < all.size() && all.get(k).score() == threshold; k++) {
                Row r = all.get(k);
                if (r.window() < 0) {
                    fp++;
                    tn--;
                    fpSum += r.weight();
                } else {
                    tp++;
                    fn--;
                    double old = best.get(r.window());
                    if (r.weight() > old) {
                        best.put(r.window(), r.weight());
                        windowSum += r.weight() - old;
                    }
                }
            }
            results.add(new Result(threshold, windowSum + fpSum, tp, fp, fn, tn));
        }
        return results;
    }

    /** The corpus score with detections at scores {@code >= threshold}. */
    public static Result score(List<ScoredFile> files, Profile p, double threshold) {
        Result last = null;
        for (Result r : sweep(files, p)) {
            if (r.threshold() < threshold) {
                break;
            }
            last = r;
        }
        if (last != null) {
            return last;
        }
        // nothing reaches the threshold: every window missed, no false positives
        return nullResult(files, p, threshold);
    }

    /** The best corpus score over all thresholds (NAB's threshold optimisation). */
    public static Result optimise(List<ScoredFile> files, Profile p) {
        Result best = nullResult(files, p, Double.POSITIVE_INFINITY);
        for (Result r : sweep(files, p)) {
            if (r.raw() > best.raw()) {
                best = r;
            }
        }
        return best;
    }

    /** The score of a detector that never fires. */
    public static Result nullResult(List<ScoredFile> files, Profile p, double threshold) {
        int windows = 0;
        int inWindow = 0;
        int total = 0;
        for (ScoredFile f : files) {
            List<Integer> ids = new ArrayList<>();
            List<Row> rows = rows(f, p, 0, ids);
            windows += ids.size();
            total += rows.size();
            inWindow += (int) rows.stream().filter(r -> r.window() >= 0).count();
        }
        return new Result(threshold, -p.fnWeight() * windows, 0, 0, inWindow, total - inWindow);
    }

    /** NAB's normalised score: 0 for the null detector, 100 for a perfect one. */
    public static double normalised(List<ScoredFile> files, Profile p, double raw) {
        double nullRaw = nullResult(files, p, 1).raw();
        int windows = files.stream().mapToInt(f -> f.windows().size()).sum();
        double perfect = windows * p.tpWeight();
        return 100.0 * (raw - nullRaw) / (perfect - nullRaw);
    }
}
