package io.sitelens.memory;

import io.sitelens.spi.storage.StorageAdapter;
import io.sitelens.tck.storage.PrivacyStoreContract;

class InMemoryPrivacyStoreContractTest extends PrivacyStoreContract {
    @Override
    protected StorageAdapter newAdapter() {
        return new InMemoryStorageAdapter();
    }
}
