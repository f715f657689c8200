package io.sitelens.storage.jdbc;

import io.sitelens.spi.storage.StorageAdapter;
import io.sitelens.tck.storage.StorageAdapterContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The storage contract on the embedded H2 store, in a fresh directory per test. */
class H2StorageAdapterContractTest extends StorageAdapterContract {
    @TempDir
    Path dir;

    @Override
    protected StorageAdapter newAdapter() {
        return JdbcStorage.embedded(dir);
    }

    /** A second adapter opening the same directory: its own pool, as a second process would. */
    @Override
    protected StorageAdapter secondAdapterOnSameStore(StorageAdapter first) {
        return JdbcStorage.embedded(dir);
    }
}
