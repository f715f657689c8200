package io.sitelens.memory;

import static java.util.Objects.requireNonNull;

import io.sitelens.model.Tenant;
import io.sitelens.model.TenantId;
import io.sitelens.spi.storage.TenantStore;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

final class MemoryTenantStore implements TenantStore {
    private final Object lock;
    private final Consumer<TenantId> cascade;
    private final TreeMap<String, Tenant> tenants = new TreeMap<>();

    MemoryTenantStore(Object lock, Consumer<TenantId> cascade) {
        this.lock = lock;
        this.cascade = cascade;
    }

    @Override
    public void put(Tenant tenant) {
        requireNonNull(tenant, "tenant");
        synchronized (lock) {
            tenants.put(tenant.id().value(), tenant);
        }
    }

    @Override
    public Optional<Tenant> find(TenantId id) {
        synchronized (lock) {
            return Optional.ofNullable(tenants.get(id.value()));
        }
    }

    @Override
    public List<Tenant> list() {
        synchronized (lock) {
            return List.copyOf(tenants.values());
        }
    }

    @Override
    public boolean delete(TenantId id) {
        requireNonNull(id, "id");
        synchronized (lock) {
            cascade.accept(id);
            return tenants.remove(id.value()) != null;
        }
    }
}
