package io.sitelens.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitelens.model.TenantId;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Privacy writes on the embedded store are on disk when the call returns: a process killed right after (H2
 * alone would write them up to half a second later) loses neither a new tenant key nor a restriction.
 */
class DurableWritesIT {
    @TempDir
    Path dir;

    @Test
    void a_key_and_a_restriction_survive_a_kill_right_after_they_were_written() throws Exception {
        Path store = dir.resolve("store");
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        KilledWriterProcess.class.getName(),
                        store.toString())
                .redirectErrorStream(true)
                .start();
        String key = null;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            StringBuilder log = new StringBuilder();
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("written ")) {
                    child.destroyForcibly(); // at once: no time for a delayed write
                    key = line.substring("written ".length());
                    break;
                }
                log.append(line).append('\n');
            }
            assertThat(key).as("the child wrote; its output:\n%s", log).isNotNull();
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        try (JdbcStorageAdapter s = JdbcStorage.embedded(store)) {
            assertThat(HexFormat.of().formatHex(s.privacy().tenantKey(TenantId.of("acme"), "pseudonym")))
                    .as("the key data was encrypted with is the one stored")
                    .isEqualTo(key);
            assertThat(s.privacy().restricted(TenantId.of("acme"), "p-123")).isTrue();
        }
    }
}
