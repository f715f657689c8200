package io.sitelens.privacy;

import io.sitelens.spi.storage.StorageAdapter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The erasure scan on the H2 store: every table of the schema and every blob file. */
class H2ErasureScanIT extends ErasureScanContract {
    @TempDir
    Path dir;

    private JdbcStores stores;

    @Override
    protected StorageAdapter newAdapter() {
        stores = JdbcStores.h2(dir);
        return stores.adapter;
    }

    @Override
    protected List<String> everythingStored() throws Exception {
        return stores.everything();
    }

    @AfterEach
    void closeStores() {
        stores.close();
    }
}
