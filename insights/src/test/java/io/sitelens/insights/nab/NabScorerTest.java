package io.sitelens.insights.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sitelens.insights.nab.NabScorer.Profile;
import io.sitelens.insights.nab.NabScorer.ScoredFile;
import io.sitelens.insights.nab.NabScorer.Window;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Our NAB scorer reproduces the scores NAB's own scorer gives the published result files (table in
 * src/test/resources/nab/PROVENANCE.md), fed only their timestamp and anomaly_score columns.
 */
class NabScorerTest {

    private static final Map<String, List<ScoredFile>> LOADED = new java.util.concurrent.ConcurrentHashMap<>();

    static List<ScoredFile> load(String detector) throws IOException {
        List<ScoredFile> cached = LOADED.get(detector);
        if (cached != null) {
            return cached;
        }
        Map<String, List<Window>> windows;
        try (InputStream in = NabScorerTest.class.getResourceAsStream("/nab/combined_windows.json")) {
            windows = NabCorpus.windows(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertThat(windows).hasSize(19);
        List<ScoredFile> files = new ArrayList<>();
        for (var e : windows.entrySet()) {
            String[] parts = e.getKey().split("/");
            String resource = "/nab/results/" + detector + "/" + parts[0] + "/" + detector + "_" + parts[1] + ".gz";
            try (InputStream raw = NabScorerTest.class.getResourceAsStream(resource)) {
                assertThat(raw).as(resource).isNotNull();
                files.add(NabCorpus.resultFile(e.getKey(), new GZIPInputStream(raw), e.getValue()));
            }
        }
        LOADED.put(detector, files);
        return files;
    }

    static Profile profile(String name) {
        return NabScorer.PROFILES.stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @org.junit.jupiter.api.Test
    void threshold_optimisation_finds_at_least_the_published_thresholds_score_and_null_scores_zero()
            throws IOException {
        for (Profile p : NabScorer.PROFILES) {
            List<ScoredFile> numenta = load("numenta");
            NabScorer.Result best = NabScorer.optimise(numenta, p);
            NabScorer.Result published =
                    NabScorer.score(numenta, p, p == NabScorer.LOW_FP ? 0.5751955032348636 : 0.5421876907348634);
            assertThat(best.raw()).as(p.name()).isGreaterThanOrEqualTo(published.raw());
            List<ScoredFile> none = load("null");
            assertThat(NabScorer.normalised(none, p, NabScorer.optimise(none, p).raw()))
                    .isCloseTo(0.0, within(1e-9));
        }
    }

    @ParameterizedTest(name = "{0} {1} at {2}: raw {3}, normalised {8}")
    @CsvSource({
        "null, standard, 0.625, -34.0, 0, 0, 4938, 37117, 0.00",
        "null, reward_low_FP_rate, 0.625, -34.0, 0, 0, 4938, 37117, 0.00",
        "null, reward_low_FN_rate, 0.625, -68.0, 0, 0, 4938, 37117, 0.00",
        "numenta, standard, 0.5421876907348634, 19.0525, 59, 28, 4879, 37089, 78.02",
        "numenta, reward_low_FP_rate, 0.5751955032348636, 14.3734, 53, 19, 4885, 37098, 71.14",
        "numenta, reward_low_FN_rate, 0.5421876907348634, 15.0525, 59, 28, 4879, 37089, 81.42",
        "twitterADVec, standard, 0.5, 5.2441, 47, 30, 4891, 37087, 57.71",
        "twitterADVec, reward_low_FP_rate, 0.5, 2.1595, 47, 30, 4891, 37087, 53.18",
        "twitterADVec, reward_low_FN_rate, 0.5, -5.7559, 47, 30, 4891, 37087, 61.02",
        "windowedGaussian, standard, 1.0, 0.2380, 61, 30, 4877, 37087, 50.35",
        "windowedGaussian, reward_low_FP_rate, 1.0, -3.0620, 61, 30, 4877, 37087, 45.50",
        "windowedGaussian, reward_low_FN_rate, 1.0, -13.7620, 61, 30, 4877, 37087, 53.17",
    })
    void reproduces_nabs_published_scores(
            String detector,
            String profileName,
            double threshold,
            double raw,
            int tp,
            int fp,
            int fn,
            int tn,
            double normalised)
            throws IOException {
        List<ScoredFile> files = load(detector);
        Profile p = profile(profileName);
        NabScorer.Result r = NabScorer.score(files, p, threshold);
        assertThat(r.raw()).as("raw score").isCloseTo(raw, within(0.001));
        assertThat(new int[] {r.tp(), r.fp(), r.fn(), r.tn()}).containsExactly(tp, fp, fn, tn);
        assertThat(NabScorer.normalised(files, p, r.raw())).isCloseTo(normalised, within(0.1));
    }
}
