package io.sitelens.storage.jdbc;

import static java.util.Objects.requireNonNull;

import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.model.TenantId;
import io.sitelens.spi.storage.BlobRef;
import io.sitelens.spi.storage.BlobStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A {@link BlobStore} in a directory: {@code ROOT/TENANT/ab/abcdef…} where the file name is the SHA-256 of the
 * bytes. A write goes to a temporary file in the same directory, is forced to disk, and is then moved into
 * place atomically, so a reader (in any process) sees the whole blob or none, and concurrent writers of the
 * same bytes simply replace one complete copy with another identical one. Tenants are separate directories;
 * hashes are validated before they touch a path, so no argument can reach outside the tenant's directory.
 */
public final class FileBlobStore implements BlobStore {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final String TEMP_PREFIX = ".tmp-";

    private final Path root;

    private FileBlobStore(Path root) {
        this.root = root;
    }

    /** A store under {@code root} (created when missing). */
    public static FileBlobStore of(Path root) {
        requireNonNull(root, "root");
        Path abs = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(abs);
        } catch (IOException e) {
            throw new SitelensException(
                    ErrorCode.CONFIG_INVALID, "storage: cannot create the blob directory " + abs + ": " + e, e);
        }
        return new FileBlobStore(abs);
    }

    /** The directory the blobs live under. */
    public Path root() {
        return root;
    }

    @Override
    public BlobRef put(TenantId tenant, byte[] bytes) {
        requireNonNull(tenant, "tenant");
        requireNonNull(bytes, "bytes");
        String sha = sha256(bytes);
        Path target = path(tenant, sha);
        if (Files.isRegularFile(target)) {
            return new BlobRef(sha, bytes.length);
        }
        Path dir = target.getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, TEMP_PREFIX, "");
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                // another writer put the same bytes first: the blob is there, complete
            } catch (AtomicMoveNotSupportedException e) {
                throw new SitelensException(
                        ErrorCode.CONFIG_INVALID,
                        "storage: the blob directory " + root + " does not support atomic moves; use a local disk",
                        e);
            }
            return new BlobRef(sha, bytes.length);
        } catch (IOException e) {
            throw new SitelensException(
                    ErrorCode.STORAGE_FAILURE,
                    "storage: cannot write blob " + sha + " of tenant " + tenant + ": " + e,
                    e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a leftover temp file is skipped by list() and harmless
                }
            }
        }
    }

    @Override
    public Optional<byte[]> get(TenantId tenant, String sha256) {
        requireNonNull(tenant, "tenant");
        if (!isHash(sha256)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(path(tenant, sha256)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new SitelensException(
                    ErrorCode.STORAGE_FAILURE,
                    "storage: cannot read blob " + sha256 + " of tenant " + tenant + ": " + e,
                    e);
        }
    }

    @Override
    public boolean exists(TenantId tenant, String sha256) {
        requireNonNull(tenant, "tenant");
        return isHash(sha256) && Files.isRegularFile(path(tenant, sha256));
    }

    @Override
    public boolean delete(TenantId tenant, String sha256) {
        requireNonNull(tenant, "tenant");
        if (!isHash(sha256)) {
            return false;
        }
        try {
            return Files.deleteIfExists(path(tenant, sha256));
        } catch (IOException e) {
            throw new SitelensException(
                    ErrorCode.STORAGE_FAILURE,
                    "storage: cannot delete blob " + sha256 + " of tenant " + tenant + ": " + e,
                    e);
        }
    }

    @Override
    public List<BlobRef> list(TenantId tenant) {
        requireNonNull(tenant, "tenant");
        Path dir = root.resolve(tenant.value());
        List<BlobRef> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (DirectoryStream<Path> prefixes = Files.newDirectoryStream(dir)) {
            for (Path prefix : prefixes) {
                if (!Files.isDirectory(prefix)) {
                    continue;
                }
                try (DirectoryStream<Path> files = Files.newDirectoryStream(prefix)) {
                    for (Path f : files) {
                        String name = f.getFileName().toString();
                        if (isHash(name)) {
                            try {
                                out.add(new BlobRef(name, Files.size(f)));
                            } catch (NoSuchFileException deletedMeanwhile) {
                                // deleted by another writer while listing
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new SitelensException(
                    ErrorCode.STORAGE_FAILURE, "storage: cannot list the blobs of tenant " + tenant + ": " + e, e);
        }
        out.sort(Comparator.comparing(BlobRef::sha256));
        return List.copyOf(out);
    }

    private Path path(TenantId tenant, String sha) {
        // TenantId admits only [a-z0-9._-] starting with a letter or digit, so it is one path segment
        return root.resolve(tenant.value()).resolve(sha.substring(0, 2)).resolve(sha);
    }

    private static boolean isHash(String s) {
        return s != null && SHA256.matcher(s).matches();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return "FileBlobStore[" + root + "]";
    }
}
