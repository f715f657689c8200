package io.sitelens.insights.nab;

import io.sitelens.insights.nab.NabScorer.ScoredFile;
import io.sitelens.insights.nab.NabScorer.Window;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads NAB's windows file and {@code timestamp,…,anomaly_score,…} CSV files. */
public final class NabCorpus {

    private static final DateTimeFormatter NAB_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]");

    private NabCorpus() {}

    public static LocalDateTime time(String text) {
        return LocalDateTime.parse(text.trim(), NAB_TIME);
    }

    /** {@code combined_windows.json}: file (relative, {@code category/name.csv}) → its windows, in file order. */
    public static Map<String, List<Window>> windows(String json) {
        Map<String, List<Window>> out = new LinkedHashMap<>();
        Matcher entry = Pattern.compile("\"([^\"]+\\.csv)\"\\s*:\\s*\\[((?:\\s*\\[[^\\]]*\\]\\s*,?)*)\\s*\\]")
                .matcher(json);
        Pattern pair = Pattern.compile("\\[\\s*\"([^\"]+)\"\\s*,\\s*\"([^\"]+)\"\\s*\\]");
        while (entry.find()) {
            List<Window> ws = new ArrayList<>();
            Matcher m = pair.matcher(entry.group(2));
            while (m.find()) {
                ws.add(new Window(time(m.group(1)), time(m.group(2))));
            }
            out.put(entry.group(1), ws);
        }
        return out;
    }

    /** Reads {@code timestamp} and {@code anomaly_score} (by header name) of a result file. */
    public static ScoredFile resultFile(String name, InputStream in, List<Window> windows) {
        List<LocalDateTime> ts = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String[] header = r.readLine().split(",");
            int t = indexOf(header, "timestamp");
            int s = indexOf(header, "anomaly_score");
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",");
                ts.add(time(cells[t]));
                scores.add(Double.parseDouble(cells[s]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ScoredFile(
                name, ts, scores.stream().mapToDouble(Double::doubleValue).toArray(), windows);
    }

    private static int indexOf(String[] header, String column) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].trim().equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column " + column);
    }
}
