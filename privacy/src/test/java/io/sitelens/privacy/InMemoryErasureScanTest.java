package io.sitelens.privacy;

import io.sitelens.memory.InMemoryStorageAdapter;
import io.sitelens.spi.storage.StorageAdapter;
import java.util.List;

class InMemoryErasureScanTest extends ErasureScanContract {
    @Override
    protected StorageAdapter newAdapter() {
        return new InMemoryStorageAdapter();
    }

    @Override
    protected List<String> everythingStored() throws Exception {
        return StoreScan.of(storage);
    }
}
