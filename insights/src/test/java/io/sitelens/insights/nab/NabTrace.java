package io.sitelens.insights.nab;

import io.sitelens.insights.internal.DetectorSettings;
import io.sitelens.insights.internal.SeasonalDetector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/** Bench aid: prints score, z and chosen period for the points of one file whose score passes a floor. */
public final class NabTrace {
    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        double floor = Double.parseDouble(args[1]);
        SeasonalDetector d = new SeasonalDetector(DetectorSettings.FROZEN);
        for (int i = 1; i < lines.size(); i++) {
            String[] c = lines.get(i).split(",");
            double s = d.next(NabCorpus.time(c[0]).toEpochSecond(ZoneOffset.UTC), Double.parseDouble(c[1]));
            if (s >= floor) {
                System.out.printf(
                        Locale.ROOT,
                        "%5d %s %10s score %.3f z %8.2f period %d%n",
                        i - 1,
                        c[0],
                        c[1],
                        s,
                        d.lastZ(),
                        d.lastPeriod());
            }
        }
    }
}
