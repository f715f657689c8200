package io.sitelens.privacy;

import io.sitelens.spi.storage.StorageAdapter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The erasure scan on PostgreSQL (skipped with a message when unreachable). */
class PostgresErasureScanIT extends ErasureScanContract {
    @TempDir
    Path dir;

    private JdbcStores stores;

    @Override
    protected StorageAdapter newAdapter() {
        stores = JdbcStores.postgres(dir);
        return stores.adapter;
    }

    @Override
    protected List<String> everythingStored() throws Exception {
        return stores.everything();
    }

    @AfterEach
    void closeStores() {
        if (stores != null) {
            stores.close();
        }
    }
}
