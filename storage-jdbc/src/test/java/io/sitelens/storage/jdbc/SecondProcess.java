package io.sitelens.storage.jdbc;

import io.sitelens.model.MetricName;
import io.sitelens.model.MetricPoint;
import io.sitelens.model.ProjectKey;
import io.sitelens.spi.storage.StorageAdapter;
import io.sitelens.spi.storage.WorkItem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The other process of {@link EmbeddedTwoProcessesIT}: opens the embedded store in {@code args[0]}, writes 50
 * metric points, signals {@code args[1]}.ready, drains the {@code frontier} queue as worker {@code w-child} and writes the items it processed
 * to {@code args[1]}, one a line.
 */
public final class SecondProcess {
    private SecondProcess() {}

    public static void main(String[] args) throws Exception {
        ProjectKey p = ProjectKey.of("acme", "site");
        List<String> done = new ArrayList<>();
        try (StorageAdapter s = JdbcStorage.embedded(Path.of(args[0]))) {
            List<MetricPoint> pts = new ArrayList<>();
            for (int d = 0; d < 50; d++) {
                pts.add(new MetricPoint(
                        "child",
                        MetricName.SESSIONS,
                        "",
                        LocalDate.of(2026, 1, 1).plusDays(d),
                        d));
            }
            s.metrics().upsert(p, pts);
            Files.writeString(Path.of(args[1] + ".ready"), "ready"); // the parent starts draining now
            Instant now = Instant.parse("2026-03-01T10:00:00Z");
            for (int guard = 0; guard < 1000; guard++) {
                List<WorkItem> batch = s.work().claim(p, "frontier", "w-child", 5, Duration.ofMinutes(5), now);
                if (batch.isEmpty()) {
                    break;
                }
                for (WorkItem i : batch) {
                    done.add(i.item());
                    Thread.sleep(1);
                }
                s.work()
                        .complete(
                                p,
                                "frontier",
                                "w-child",
                                batch.stream().map(WorkItem::id).toList());
            }
        }
        Files.write(Path.of(args[1]), done, StandardCharsets.UTF_8);
    }
}
