package io.sitelens.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricPoint;
import io.sitelens.model.ProjectKey;
import io.sitelens.model.Secret;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening stores: where they live, what --store accepts, and the databases that are refused. */
class OpeningStoresIT {
    private static final ProjectKey P = ProjectKey.of("acme", "site");

    @TempDir
    Path dir;

    @Test
    void an_embedded_store_keeps_its_data_across_reopening() {
        try (JdbcStorageAdapter s = JdbcStorage.embedded(dir)) {
            s.metrics()
                    .upsert(P, List.of(new MetricPoint("ga4", MetricName.SESSIONS, "", LocalDate.of(2026, 1, 1), 7)));
            assertThat(s.description()).isEqualTo("h2:" + dir.toAbsolutePath().normalize());
        }
        try (JdbcStorageAdapter s = JdbcStorage.embedded(dir)) {
            assertThat(s.metrics().count(P)).isEqualTo(1);
        }
        assertThat(dir.resolve("sitelens.mv.db")).isRegularFile();
        assertThat(dir.resolve("blobs")).isDirectory();
    }

    @Test
    void a_store_made_by_an_older_build_gets_the_missing_migrations_on_opening() throws Exception {
        try (JdbcStorageAdapter s = JdbcStorage.embedded(dir)) {
            s.metrics()
                    .upsert(P, List.of(new MetricPoint("ga4", MetricName.SESSIONS, "", LocalDate.of(2026, 1, 1), 7)));
        }
        // what a build without the behaviour migration (V3) left behind
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("sitelens") + ";AUTO_SERVER=TRUE";
        try (Connection c = DriverManager.getConnection(url, "sitelens", "");
                Statement st = c.createStatement()) {
            st.execute("DROP TABLE behaviour_events");
            st.execute("DROP TABLE behaviour_sessions");
            st.execute("DELETE FROM \"sitelens_schema_history\" WHERE \"version\" = '3'");
        }
        try (JdbcStorageAdapter s = JdbcStorage.embedded(dir)) {
            assertThat(s.metrics().count(P)).as("data kept").isEqualTo(1);
            assertThat(s.behaviour().sessions(P, java.time.Instant.EPOCH, java.time.Instant.now(), 10))
                    .as("the behaviour tables are back")
                    .isEmpty();
        }
    }

    @Test
    void a_database_written_by_a_newer_sitelens_is_refused_and_left_untouched() throws Exception {
        JdbcStorage.embedded(dir).close();
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().normalize().resolve("sitelens") + ";AUTO_SERVER=TRUE";
        try (Connection c = DriverManager.getConnection(url, "sitelens", "");
                Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE sitelens_schema_info SET schema_version = 7");
        }
        assertThatThrownBy(() -> JdbcStorage.embedded(dir)).isInstanceOfSatisfying(SitelensException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.STORAGE_INCOMPATIBLE);
            assertThat(e.getMessage())
                    .contains("schema version 7")
                    .contains("newer sitelens")
                    .contains("up to 1")
                    .contains("Upgrade sitelens")
                    .contains(dir.toAbsolutePath().normalize().toString());
        });
        try (Connection c = DriverManager.getConnection(url, "sitelens", "");
                Statement st = c.createStatement();
                var rs = st.executeQuery("SELECT schema_version FROM sitelens_schema_info")) {
            rs.next();
            assertThat(rs.getInt(1))
                    .as("the newer database must not be migrated backwards")
                    .isEqualTo(7);
        }
    }

    @Test
    void an_unreachable_postgresql_names_the_url_but_never_the_password() {
        String url = "jdbc:postgresql://127.0.0.1:1/test?user=postgres&password=hunter2-in-url";
        assertThatThrownBy(() -> JdbcStorage.postgres(url, Secret.of("s3cret-from-env"), dir.resolve("blobs")))
                .isInstanceOfSatisfying(SitelensException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.STORAGE_FAILURE);
                    assertThat(e.getMessage()).contains("127.0.0.1:1/test").contains("password=****");
                    String everything = stackTraceOf(e);
                    assertThat(everything)
                            .as("no password anywhere in the exception chain")
                            .doesNotContain("hunter2")
                            .doesNotContain("s3cret");
                });
    }

    @Test
    void store_accepts_a_directory_or_a_postgresql_url_and_refuses_anything_else() {
        try (JdbcStorageAdapter s = JdbcStorage.open(dir.resolve("home").toString(), null, dir.resolve("b"))) {
            assertThat(s.description()).startsWith("h2:").endsWith("home");
        }
        assertThat(Files.isDirectory(dir.resolve("home"))).isTrue();
        assertThatThrownBy(() -> JdbcStorage.open("jdbc:mysql://db/sitelens?password=x", null, dir))
                .isInstanceOfSatisfying(SitelensException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.CONFIG_INVALID);
                    assertThat(e.getMessage()).contains("jdbc:postgresql://").doesNotContain("password=x");
                });
        assertThatThrownBy(() ->
                        JdbcStorage.open(dir.resolve("a;AUTO_SERVER=FALSE").toString(), null, dir))
                .as("a ';' would smuggle settings into the H2 URL")
                .isInstanceOfSatisfying(
                        SitelensException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CONFIG_INVALID));
        assertThatThrownBy(() -> JdbcStorage.open("  ", null, dir))
                .isInstanceOfSatisfying(
                        SitelensException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CONFIG_INVALID));
    }

    private static String stackTraceOf(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
