package io.sitelens.storage.jdbc;

import io.sitelens.spi.storage.StorageAdapter;
import io.sitelens.tck.storage.BehaviourStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The behaviour-store contract on the embedded H2 store, in a fresh directory per test. */
class H2BehaviourStoreContractTest extends BehaviourStoreContract {
    @TempDir
    Path dir;

    @Override
    protected StorageAdapter newAdapter() {
        return JdbcStorage.embedded(dir);
    }
}
