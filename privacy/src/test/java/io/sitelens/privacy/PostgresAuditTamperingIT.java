package io.sitelens.privacy;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Skipped with a message saying how to enable it when PostgreSQL is unreachable. */
class PostgresAuditTamperingIT extends JdbcAuditTamperingContract {
    @TempDir
    Path dir;

    @Override
    JdbcStores open() {
        return JdbcStores.postgres(dir);
    }
}
