package io.sitelens.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitelens.model.MetricName;
import io.sitelens.model.ProjectKey;
import io.sitelens.spi.storage.WorkItem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes on one embedded H2 directory at the same time (H2's AUTO_SERVER): a real second JVM writes and
 * shares the work queue with this one, as {@code collector serve} and {@code privacy erase} would.
 */
class EmbeddedTwoProcessesIT {
    private static final ProjectKey P = ProjectKey.of("acme", "site");

    @TempDir
    Path dir;

    @Test
    void a_second_process_opens_the_same_embedded_store_and_both_work_without_doing_work_twice() throws Exception {
        Path out = dir.resolve("child-items.txt");
        try (JdbcStorageAdapter store = JdbcStorage.embedded(dir.resolve("store"))) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                items.add("https://www.example.org/p" + i);
            }
            store.work().enqueue(P, "frontier", items);

            Process child = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            SecondProcess.class.getName(),
                            dir.resolve("store").toString(),
                            out.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("child.log").toFile())
                    .start();

            Path ready = Path.of(out + ".ready");
            for (int i = 0; i < 600 && !Files.exists(ready) && child.isAlive(); i++) {
                Thread.sleep(100);
            }
            assertThat(ready)
                    .as("the second process opened the store; its output: %s", dir.resolve("child.log"))
                    .exists();

            List<String> mine = new ArrayList<>();
            Instant now = Instant.parse("2026-03-01T10:00:00Z");
            for (int guard = 0; guard < 1000 && store.work().remaining(P, "frontier") > 0; guard++) {
                List<WorkItem> batch = store.work().claim(P, "frontier", "w-parent", 5, Duration.ofMinutes(5), now);
                for (WorkItem i : batch) {
                    mine.add(i.item());
                    Thread.sleep(2);
                }
                store.work()
                        .complete(
                                P,
                                "frontier",
                                "w-parent",
                                batch.stream().map(WorkItem::id).toList());
            }

            assertThat(child.waitFor(90, TimeUnit.SECONDS))
                    .as("the second process finished")
                    .isTrue();
            assertThat(child.exitValue())
                    .as("second process failed; its output: " + Files.readString(dir.resolve("child.log")))
                    .isZero();
            List<String> theirs = Files.readAllLines(out, StandardCharsets.UTF_8);
            Set<String> all = new HashSet<>(mine);
            assertThat(theirs).as("the second process got a share of the work").isNotEmpty();
            assertThat(mine).as("this process got a share of the work").isNotEmpty();
            assertThat(theirs).as("an item processed by both processes").noneMatch(all::contains);
            all.addAll(theirs);
            assertThat(all).as("every item processed exactly once").hasSize(300);
            assertThat(store.metrics().sources(P))
                    .as("the second process's writes are visible here")
                    .containsExactly("child");
            assertThat(store.metrics()
                            .series(
                                    P,
                                    "child",
                                    MetricName.SESSIONS,
                                    "",
                                    io.sitelens.model.DateRange.of(
                                            java.time.LocalDate.of(2026, 1, 1), java.time.LocalDate.of(2026, 12, 31))))
                    .hasSize(50);
        }
    }
}
