package io.sitelens.memory;

import static java.util.Objects.requireNonNull;

import io.sitelens.model.TenantId;
import io.sitelens.spi.storage.BlobRef;
import io.sitelens.spi.storage.BlobStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** A thread-safe {@link BlobStore} in memory, one namespace per tenant. */
public final class InMemoryBlobStore implements BlobStore {
    private final Map<TenantId, ConcurrentSkipListMap<String, byte[]>> blobs = new ConcurrentHashMap<>();

    @Override
    public BlobRef put(TenantId tenant, byte[] bytes) {
        requireNonNull(tenant, "tenant");
        requireNonNull(bytes, "bytes");
        String sha = sha256(bytes);
        blobs.computeIfAbsent(tenant, t -> new ConcurrentSkipListMap<>()).putIfAbsent(sha, bytes.clone());
        return new BlobRef(sha, bytes.length);
    }

    @Override
    public Optional<byte[]> get(TenantId tenant, String sha256) {
        byte[] b = tenantBlobs(tenant).get(sha256);
        return b == null ? Optional.empty() : Optional.of(b.clone());
    }

    @Override
    public boolean exists(TenantId tenant, String sha256) {
        return tenantBlobs(tenant).containsKey(sha256);
    }

    @Override
    public boolean delete(TenantId tenant, String sha256) {
        requireNonNull(tenant, "tenant");
        Map<String, byte[]> m = blobs.get(tenant);
        return m != null && m.remove(sha256) != null;
    }

    @Override
    public List<BlobRef> list(TenantId tenant) {
        return tenantBlobs(tenant).entrySet().stream()
                .map(e -> new BlobRef(e.getKey(), e.getValue().length))
                .toList();
    }

    private Map<String, byte[]> tenantBlobs(TenantId tenant) {
        requireNonNull(tenant, "tenant");
        Map<String, byte[]> m = blobs.get(tenant);
        return m == null ? Map.of() : m;
    }

    void drop(TenantId tenant) {
        blobs.remove(tenant);
    }

    /** Lowercase hex SHA-256 of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
