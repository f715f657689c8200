package io.sitelens.storage.jdbc;

import io.sitelens.model.TenantId;
import io.sitelens.spi.storage.StorageAdapter;
import java.nio.file.Path;

/**
 * The process {@link DurableWritesIT} kills: opens the embedded store in {@code args[0]}, creates a tenant key,
 * marks a pseudonym restricted, prints {@code written} and its key, and waits to be killed.
 */
public final class KilledWriterProcess {
    private KilledWriterProcess() {}

    public static void main(String[] args) throws Exception {
        StorageAdapter s = JdbcStorage.embedded(Path.of(args[0]));
        byte[] key = s.privacy().tenantKey(TenantId.of("acme"), "pseudonym");
        s.privacy().setRestricted(TenantId.of("acme"), "p-123", true);
        System.out.println("written " + java.util.HexFormat.of().formatHex(key));
        System.out.flush();
        Thread.sleep(120_000); // killed by the test long before
    }
}
