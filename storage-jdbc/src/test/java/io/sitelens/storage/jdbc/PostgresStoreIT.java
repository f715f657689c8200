package io.sitelens.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.model.ProjectKey;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PostgreSQL-specific behaviour: the newer-schema refusal and --store by URL. Skipped without PostgreSQL. */
class PostgresStoreIT {
    private static final TestPostgres pg = new TestPostgres();

    @TempDir
    Path blobs;

    @BeforeAll
    static void requirePostgres() {
        TestPostgres.assumeReachable();
    }

    @AfterAll
    static void dropSchemas() {
        pg.dropAll();
    }

    @Test
    void store_opens_postgresql_by_url_and_describes_it_without_user_or_password() {
        String url = pg.freshSchemaUrl();
        try (JdbcStorageAdapter s = JdbcStorage.open(url, null, blobs)) {
            assertThat(s.description())
                    .startsWith("postgresql://")
                    .doesNotContain("user=")
                    .doesNotContain("currentSchema");
            assertThat(s.work().enqueue(ProjectKey.of("acme", "site"), "frontier", List.of("a", "b", "a")))
                    .isEqualTo(2);
        }
    }

    @Test
    void a_postgresql_database_written_by_a_newer_sitelens_is_refused() {
        String url = pg.freshSchemaUrl();
        JdbcStorage.postgres(url, null, blobs).close();
        String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
        TestPostgres.execute("UPDATE " + schema + ".sitelens_schema_info SET schema_version = 2");
        assertThatThrownBy(() -> JdbcStorage.postgres(url, null, blobs))
                .isInstanceOfSatisfying(SitelensException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.STORAGE_INCOMPATIBLE);
                    assertThat(e.getMessage()).contains("schema version 2").contains("newer sitelens");
                });
    }
}
