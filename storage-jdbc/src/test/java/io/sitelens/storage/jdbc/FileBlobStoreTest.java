package io.sitelens.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitelens.model.TenantId;
import io.sitelens.spi.storage.BlobRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file-system blob store: atomic writes, concurrent writers, tenant separation, hostile hashes. */
class FileBlobStoreTest {
    private static final TenantId T = TenantId.of("acme");

    @TempDir
    Path dir;

    private static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @Test
    void concurrent_writers_and_readers_never_see_a_partial_blob() throws Exception {
        FileBlobStore store = FileBlobStore.of(dir);
        List<byte[]> blobs = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            byte[] b = bytes(2_000_000 + i, i); // large enough that a non-atomic write would be seen half-done
            blobs.add(b);
            hashes.add(sha256(b));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        AtomicBoolean writing = new AtomicBoolean(true);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                writers.add(pool.submit(() -> {
                    for (int round = 0; round < 3; round++) {
                        for (byte[] b : blobs) {
                            store.put(T, b); // every writer writes the same blobs
                        }
                    }
                    return null;
                }));
            }
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(pool.submit(() -> {
                    int seen = 0;
                    while (writing.get()) {
                        for (int i = 0; i < blobs.size(); i++) {
                            var got = store.get(T, hashes.get(i));
                            if (got.isPresent()) {
                                assertThat(sha256(got.get()))
                                        .as("a reader saw a partial or corrupt blob")
                                        .isEqualTo(hashes.get(i));
                                seen++;
                            }
                        }
                    }
                    return seen;
                }));
            }
            for (Future<?> f : writers) {
                f.get(120, TimeUnit.SECONDS);
            }
            writing.set(false);
            for (Future<Integer> f : readers) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isPositive();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.list(T))
                .extracting(BlobRef::sha256)
                .containsExactlyElementsOf(hashes.stream().sorted().toList());
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile)
                            .map(p -> p.getFileName().toString()))
                    .as("no temporary files left behind")
                    .noneMatch(n -> n.startsWith(".tmp-"));
        }
    }

    @Test
    void a_write_interrupted_before_its_move_is_never_listed_nor_read() throws Exception {
        FileBlobStore store = FileBlobStore.of(dir);
        byte[] b = bytes(1000, 1);
        String sha = sha256(b);
        // what a crash between writing the temporary file and moving it leaves behind
        Path prefix = dir.resolve("acme").resolve(sha.substring(0, 2));
        Files.createDirectories(prefix);
        Files.write(prefix.resolve(".tmp-123456"), new byte[] {1, 2, 3});
        assertThat(store.list(T)).isEmpty();
        assertThat(store.exists(T, sha)).isFalse();
        assertThat(store.put(T, b)).isEqualTo(new BlobRef(sha, 1000));
        assertThat(store.get(T, sha)).hasValueSatisfying(got -> assertThat(got).isEqualTo(b));
        assertThat(store.list(T)).containsExactly(new BlobRef(sha, 1000));
    }

    @Test
    void a_hash_that_is_not_a_sha256_never_reaches_the_file_system() throws Exception {
        FileBlobStore store = FileBlobStore.of(dir.resolve("blobs"));
        Files.writeString(dir.resolve("secret.txt"), "not a blob");
        for (String bad : List.of("../../secret.txt", "../secret.txt", "", "ABCDEF", "a".repeat(63))) {
            assertThat(store.get(T, bad)).as(bad).isEmpty();
            assertThat(store.exists(T, bad)).as(bad).isFalse();
            assertThat(store.delete(T, bad)).as(bad).isFalse();
        }
        assertThat(dir.resolve("secret.txt")).exists();
    }

    @Test
    void blobs_survive_a_new_store_instance_on_the_same_directory() throws Exception {
        byte[] b = bytes(5000, 7);
        BlobRef ref = FileBlobStore.of(dir).put(T, b);
        FileBlobStore again = FileBlobStore.of(dir);
        assertThat(again.get(T, ref.sha256()))
                .hasValueSatisfying(got -> assertThat(got).isEqualTo(b));
        assertThat(again.list(TenantId.of("other"))).isEmpty();
    }
}
