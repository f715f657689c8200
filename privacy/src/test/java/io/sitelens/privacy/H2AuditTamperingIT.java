package io.sitelens.privacy;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class H2AuditTamperingIT extends JdbcAuditTamperingContract {
    @TempDir
    Path dir;

    @Override
    JdbcStores open() {
        return JdbcStores.h2(dir);
    }
}
