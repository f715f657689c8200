package io.sitelens.storage.jdbc;

import io.sitelens.spi.storage.StorageAdapter;
import io.sitelens.tck.storage.PrivacyStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The privacy-store contract on the embedded H2 store, in a fresh directory per test. */
class H2PrivacyStoreContractTest extends PrivacyStoreContract {
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
