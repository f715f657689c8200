package io.sitelens.storage.jdbc;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.model.Secret;
import io.sitelens.spi.storage.BlobStore;
import io.sitelens.storage.jdbc.internal.Database;
import io.sitelens.storage.jdbc.internal.Dialect;
import io.sitelens.storage.jdbc.internal.JdbcUrls;
import io.sitelens.storage.jdbc.internal.SchemaMigrator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Entry points of the JDBC storage: {@link #embedded} (an H2 file database in a directory, no server, the
 * CLI's default), {@link #postgres} (a JDBC URL; we own a HikariCP pool), {@link #of} (the host's own
 * {@link DataSource}) and {@link #open} (what the CLI's {@code --store} accepts: a directory or a
 * {@code jdbc:postgresql://} URL). Each one migrates the schema (Flyway) before it returns, and refuses a
 * database written by a newer sitelens.
 */
public final class JdbcStorage {
    /** The environment variable {@link #open} reads the PostgreSQL password from when none is given. */
    public static final String PASSWORD_ENV = "PGPASSWORD";

    private static final AtomicInteger POOLS = new AtomicInteger();

    private JdbcStorage() {}

    /**
     * An embedded H2 database in {@code dir} ({@code dir/sitelens.mv.db}), created when missing, with blobs in
     * {@code dir/blobs}. Opened with H2's {@code AUTO_SERVER=TRUE}: a second process opening the same directory
     * connects through the first one, so {@code collector serve} and {@code privacy erase} can run side by side.
     */
    public static JdbcStorageAdapter embedded(Path dir) {
        requireNonNull(dir, "dir");
        Path abs = dir.toAbsolutePath().normalize();
        if (abs.toString().contains(";")) {
            // H2 reads ';' in a URL as the start of a setting
            throw new SitelensException(
                    ErrorCode.CONFIG_INVALID, "storage: the store directory must not contain ';': " + abs);
        }
        try {
            Files.createDirectories(abs);
        } catch (IOException e) {
            throw new SitelensException(
                    ErrorCode.CONFIG_INVALID, "storage: cannot create the store directory " + abs + ": " + e, e);
        }
        // MAX_COMPACT_TIME=0: no compaction pass when the last connection closes. It cost a third of a second at
        // the end of every crawl and left the file the same size (12.5 MB per stored crawl of 1,170 pages either
        // way); H2 still compacts in the background while the store is open.
        String url =
                "jdbc:h2:file:" + abs.resolve("sitelens") + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000;MAX_COMPACT_TIME=0";
        HikariConfig cfg = poolConfig(url, 4);
        cfg.setUsername("sitelens");
        cfg.setPassword("");
        return owned(cfg, "h2:" + abs, FileBlobStore.of(abs.resolve("blobs")));
    }

    /**
     * PostgreSQL at {@code jdbcUrl} ({@code jdbc:postgresql://host:port/db?user=…}; a {@code currentSchema}
     * parameter selects the schema), with our own HikariCP pool, and blobs on the file system under
     * {@code blobDir} (shared by the processes of one machine; use a shared disk for several machines).
     *
     * @param password the password, or null when the URL, {@code ~/.pgpass} or trust authentication suffice
     */
    public static JdbcStorageAdapter postgres(String jdbcUrl, @Nullable Secret password, Path blobDir) {
        requireNonNull(jdbcUrl, "jdbcUrl");
        requireNonNull(blobDir, "blobDir");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new SitelensException(
                    ErrorCode.CONFIG_INVALID,
                    "storage: not a PostgreSQL JDBC URL (expected jdbc:postgresql://host:port/db): "
                            + JdbcUrls.redact(jdbcUrl));
        }
        HikariConfig cfg = poolConfig(jdbcUrl, 8);
        if (password != null) {
            cfg.setPassword(password.reveal());
        }
        cfg.addDataSourceProperty("reWriteBatchedInserts", "true");
        cfg.addDataSourceProperty("connectTimeout", "10");
        cfg.addDataSourceProperty("socketTimeout", "600");
        cfg.addDataSourceProperty("tcpKeepAlive", "true");
        cfg.addDataSourceProperty("ApplicationName", "sitelens");
        return owned(cfg, JdbcUrls.describe(jdbcUrl), FileBlobStore.of(blobDir));
    }

    /**
     * Storage over the host's {@link DataSource} (H2 or PostgreSQL, detected) and blob store. The host owns
     * the pool: {@link JdbcStorageAdapter#close()} leaves it open. For PostgreSQL, enable the driver's
     * {@code reWriteBatchedInserts} for fast bulk writes.
     */
    public static JdbcStorageAdapter of(DataSource dataSource, BlobStore blobs) {
        requireNonNull(dataSource, "dataSource");
        requireNonNull(blobs, "blobs");
        String description;
        Dialect dialect;
        try (Connection c = dataSource.getConnection()) {
            dialect = Dialect.fromProductName(c.getMetaData().getDatabaseProductName());
            description = JdbcUrls.describe(String.valueOf(c.getMetaData().getURL()));
        } catch (SQLException e) {
            throw new SitelensException(
                    ErrorCode.STORAGE_FAILURE,
                    "storage: cannot connect through the host's DataSource: "
                            + JdbcUrls.redact(String.valueOf(e.getMessage())),
                    JdbcUrls.redacted(e));
        } catch (IllegalArgumentException e) {
            throw new SitelensException(ErrorCode.CONFIG_INVALID, "storage: " + e.getMessage(), e);
        }
        return start(dataSource, dialect, description, blobs, null);
    }

    /**
     * What the CLI's {@code --store} accepts: a {@code jdbc:postgresql://} URL (password from {@code password},
     * else from the {@value #PASSWORD_ENV} environment variable, else none), or a directory for the embedded
     * H2 store.
     *
     * @param blobDir where a PostgreSQL store keeps blobs (an embedded store keeps them in its directory)
     */
    public static JdbcStorageAdapter open(String location, @Nullable Secret password, Path blobDir) {
        requireNonNull(location, "location");
        String loc = location.trim();
        if (loc.startsWith("jdbc:postgresql:")) {
            Secret pw = password;
            if (pw == null) {
                String env = System.getenv(PASSWORD_ENV);
                pw = env == null || env.isEmpty() ? null : Secret.of(env);
            }
            return postgres(loc, pw, blobDir);
        }
        if (loc.startsWith("jdbc:") || loc.contains("://")) {
            throw new SitelensException(
                    ErrorCode.CONFIG_INVALID,
                    "storage: --store must be a directory or a jdbc:postgresql:// URL, got " + JdbcUrls.redact(loc));
        }
        if (loc.isEmpty()) {
            throw new SitelensException(ErrorCode.CONFIG_INVALID, "storage: --store is empty");
        }
        try {
            return embedded(Path.of(loc));
        } catch (InvalidPathException e) {
            throw new SitelensException(ErrorCode.CONFIG_INVALID, "storage: --store is not a valid path: " + loc, e);
        }
    }

    private static HikariConfig poolConfig(String url, int maxPool) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(url);
        cfg.setPoolName("sitelens-storage-" + POOLS.incrementAndGet());
        cfg.setMaximumPoolSize(maxPool);
        cfg.setMinimumIdle(1);
        cfg.setConnectionTimeout(10_000);
        cfg.setValidationTimeout(5_000);
        cfg.setInitializationFailTimeout(1);
        return cfg;
    }

    private static JdbcStorageAdapter owned(HikariConfig cfg, String description, BlobStore blobs) {
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(cfg);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new SitelensException(
                    ErrorCode.STORAGE_FAILURE,
                    "storage: cannot connect to the database at " + JdbcUrls.redact(cfg.getJdbcUrl()) + ": "
                            + JdbcUrls.redact(String.valueOf(cause.getMessage())),
                    JdbcUrls.redacted(cause));
        }
        try {
            Dialect dialect;
            try (Connection c = ds.getConnection()) {
                dialect = Dialect.fromProductName(c.getMetaData().getDatabaseProductName());
            }
            return start(ds, dialect, description, blobs, ds);
        } catch (SQLException e) {
            ds.close();
            throw new SitelensException(
                    ErrorCode.STORAGE_FAILURE,
                    "storage: cannot use the database at " + JdbcUrls.redact(cfg.getJdbcUrl()) + ": "
                            + JdbcUrls.redact(String.valueOf(e.getMessage())),
                    JdbcUrls.redacted(e));
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
    }

    private static JdbcStorageAdapter start(
            DataSource ds, Dialect dialect, String description, BlobStore blobs, @Nullable AutoCloseable pool) {
        Database db = new Database(ds, dialect, description, Database.defaultBackoff());
        SchemaMigrator.migrate(db);
        return new JdbcStorageAdapter(db, blobs, pool);
    }
}
