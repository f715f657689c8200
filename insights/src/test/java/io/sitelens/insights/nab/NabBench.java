package io.sitelens.insights.nab;

import io.sitelens.insights.internal.DetectorSettings;
import io.sitelens.insights.internal.SeasonalDetector;
import io.sitelens.insights.nab.NabScorer.Profile;
import io.sitelens.insights.nab.NabScorer.ScoredFile;
import io.sitelens.insights.nab.NabScorer.Window;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Bench (not a test): runs the detector over a NAB data folder and prints its NAB scores, at the frozen
 * threshold 0.5 and with NAB's threshold optimisation. Usage: {@code NabBench NAB_DIR [settings…]} where
 * settings override {@link DetectorSettings#FROZEN} in record order.
 */
public final class NabBench {

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        DetectorSettings settings = args.length > 1 ? parse(args) : DetectorSettings.FROZEN;
        boolean perFile = Boolean.getBoolean("perFile");
        Map<String, List<Window>> windows =
                NabCorpus.windows(Files.readString(dir.resolve("labels/combined_windows.json")));
        List<ScoredFile> files = new ArrayList<>();
        long t0 = System.nanoTime();
        long rows = 0;
        for (var e : windows.entrySet()) {
            List<String> lines = Files.readAllLines(dir.resolve("data").resolve(e.getKey()));
            SeasonalDetector d = new SeasonalDetector(settings);
            List<LocalDateTime> ts = new ArrayList<>();
            double[] scores = new double[lines.size() - 1];
            for (int i = 1; i < lines.size(); i++) {
                String[] c = lines.get(i).split(",");
                LocalDateTime t = NabCorpus.time(c[0]);
                ts.add(t);
                scores[i - 1] = d.next(t.toEpochSecond(ZoneOffset.UTC), Double.parseDouble(c[1]));
            }
            rows += scores.length;
            files.add(new ScoredFile(e.getKey(), ts, scores, e.getValue()));
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "settings %s%n%d files, %d rows, detector+IO %.2f s%n",
                settings,
                files.size(),
                rows,
                secs);
        if (perFile) {
            for (ScoredFile f : files) {
                NabScorer.Result r = NabScorer.score(List.of(f), NabScorer.STANDARD, 0.5);
                StringBuilder alerts = new StringBuilder();
                int probation = NabScorer.probationRows(f.scores().length);
                for (int i = probation; i < f.scores().length; i++) {
                    if (f.scores()[i] >= 0.5) {
                        String mark = "";
                        for (Window w : f.windows()) {
                            LocalDateTime t = f.timestamps().get(i);
                            if (!t.isBefore(w.start()) && !t.isAfter(w.end())) {
                                mark = "*";
                            }
                        }
                        alerts.append(' ').append(i).append(mark);
                    }
                }
                StringBuilder wins = new StringBuilder();
                for (Window w : f.windows()) {
                    int l = -1, rr = -1;
                    for (int i = 0; i < f.timestamps().size(); i++) {
                        if (l < 0 && !f.timestamps().get(i).isBefore(w.start())) l = i;
                        if (!f.timestamps().get(i).isAfter(w.end())) rr = i;
                    }
                    wins.append(" [").append(l).append('-').append(rr).append(']');
                }
                System.out.println("    windows" + wins + " probation " + probation + " alerts" + alerts);
                System.out.printf(
                        Locale.ROOT,
                        "  %-50s windows %d raw %7.3f tp %3d fp %3d%n",
                        f.name(),
                        f.windows().size(),
                        r.raw(),
                        r.tp(),
                        r.fp());
            }
        }
        System.out.println("| profile | threshold | raw | TP | FP | FN | TN | normalised |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
        String[] mode = {"frozen 0.5", "optimised %.4f"};
        for (Profile p : NabScorer.PROFILES) {
            List<NabScorer.Result> two = List.of(NabScorer.score(files, p, 0.5), NabScorer.optimise(files, p));
            for (int m = 0; m < 2; m++) {
                NabScorer.Result r = two.get(m);
                System.out.printf(
                        Locale.ROOT,
                        "| %s | %s | %.4f | %d | %d | %d | %d | %.2f |%n",
                        p.name(),
                        m == 0 ? "0.5 (frozen)" : String.format(Locale.ROOT, "%.4f (optimised)", r.threshold()),
                        r.raw(),
                        r.tp(),
                        r.fp(),
                        r.fn(),
                        r.tn(),
                        NabScorer.normalised(files, p, r.raw()));
            }
        }
    }

    private static DetectorSettings parse(String[] a) {
        return new DetectorSettings(
                Integer.parseInt(a[1]),
                Integer.parseInt(a[2]),
                Integer.parseInt(a[3]),
                Integer.parseInt(a[4]),
                Double.parseDouble(a[5]),
                Double.parseDouble(a[6]),
                Integer.parseInt(a[7]),
                Double.parseDouble(a[8]),
                Double.parseDouble(a[9]),
                Integer.parseInt(a[10]),
                Integer.parseInt(a[11]),
                Integer.parseInt(a[12]),
                Integer.parseInt(a[13]),
                Double.parseDouble(a[14]));
    }
}
