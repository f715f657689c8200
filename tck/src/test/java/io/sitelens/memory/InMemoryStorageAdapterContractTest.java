package io.sitelens.memory;

import io.sitelens.spi.storage.StorageAdapter;
import io.sitelens.tck.storage.StorageAdapterContract;

class InMemoryStorageAdapterContractTest extends StorageAdapterContract {
    @Override
    protected StorageAdapter newAdapter() {
        return new InMemoryStorageAdapter();
    }
}
