package io.sitelens.memory;

import io.sitelens.spi.storage.StorageAdapter;
import io.sitelens.tck.storage.BehaviourStoreContract;

class InMemoryBehaviourStoreContractTest extends BehaviourStoreContract {
    @Override
    protected StorageAdapter newAdapter() {
        return new InMemoryStorageAdapter();
    }
}
