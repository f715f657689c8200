package io.sitelens.storage.jdbc;

import io.sitelens.spi.storage.StorageAdapter;
import io.sitelens.tck.storage.BehaviourStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour-store contract on PostgreSQL ({@code SITELENS_PG_URL}), in a fresh schema per test; skipped with
 * a message saying how to enable it when PostgreSQL is unreachable.
 */
class PostgresBehaviourStoreContractTest extends BehaviourStoreContract {
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

    @Override
    protected StorageAdapter newAdapter() {
        return JdbcStorage.postgres(pg.freshSchemaUrl(), null, blobs);
    }
}
