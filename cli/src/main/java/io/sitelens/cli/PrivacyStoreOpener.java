package io.sitelens.cli;

import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.memory.InMemoryStorageAdapter;
import io.sitelens.spi.storage.StorageAdapter;
import java.io.PrintWriter;
import org.jspecify.annotations.Nullable;

/**
 * Opens the store the privacy and retention commands work on. Until the JDBC store is wired, only
 * {@code memory} exists (nothing survives the command); the lead unifies store opening for every command.
 */
final class PrivacyStoreOpener {
    private PrivacyStoreOpener() {}

    static StorageAdapter open(@Nullable String store, PrintWriter err) {
        if (store == null || store.equals("memory")) {
            err.println("note: in-memory store; nothing is kept after this command");
            return new InMemoryStorageAdapter();
        }
        throw new SitelensException(
                ErrorCode.UNSUPPORTED, "--store '" + store + "' is not supported yet; use --store memory");
    }
}
