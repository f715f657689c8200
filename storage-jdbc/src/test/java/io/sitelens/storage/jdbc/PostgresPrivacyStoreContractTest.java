package io.sitelens.storage.jdbc;

import io.sitelens.spi.storage.StorageAdapter;
import io.sitelens.tck.storage.PrivacyStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The privacy-store contract on PostgreSQL ({@code SITELENS_PG_URL}), in a fresh schema per test: concurrent
 * audit appends from two pools must form one chain. Skipped with a message saying how to enable it when
 * PostgreSQL is unreachable.
 */
class PostgresPrivacyStoreContractTest extends PrivacyStoreContract {
    private static final TestPostgres pg = new TestPostgres();

    @TempDir
    Path blobs;

    private String url = "";

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
        url = pg.freshSchemaUrl();
        return JdbcStorage.postgres(url, null, blobs);
    }

    @Override
    protected StorageAdapter secondAdapterOnSameStore(StorageAdapter first) {
        return JdbcStorage.postgres(url, null, blobs);
    }
}
