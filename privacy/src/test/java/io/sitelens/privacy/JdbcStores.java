package io.sitelens.privacy;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sitelens.spi.storage.StorageAdapter;
import io.sitelens.storage.jdbc.FileBlobStore;
import io.sitelens.storage.jdbc.JdbcStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * JDBC stores for the end-to-end tests, with a way around the store: a scan of every table and every blob
 * file, and raw SQL (an attacker with database access).
 */
final class JdbcStores implements AutoCloseable {
    static final String PG_URL =
            System.getenv().getOrDefault("SITELENS_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    final StorageAdapter adapter;
    private final DataSource dataSource;
    private final Path blobDir;
    private final String schema;

    private JdbcStores(DataSource dataSource, Path blobDir, String schema) {
        this.dataSource = dataSource;
        this.blobDir = blobDir;
        this.schema = schema;
        this.adapter = JdbcStorage.of(dataSource, FileBlobStore.of(blobDir));
    }

    static JdbcStores h2(Path dir) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:privacy-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        return new JdbcStores(ds, dir.resolve("blobs"), "PUBLIC");
    }

    /** A fresh schema in the test PostgreSQL; skips the test with how to enable it when unreachable. */
    static JdbcStores postgres(Path dir) {
        DriverManager.setLoginTimeout(3);
        String schema =
                "sitelens_p_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(PG_URL);
                Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            assumeTrue(
                    false,
                    "PostgreSQL tests skipped: cannot connect to "
                            + PG_URL.replaceAll("(?i)password=[^&]*", "password=****")
                            + " (" + e.getMessage() + "). To run them, start PostgreSQL on 127.0.0.1:5432 with a"
                            + " database 'test' (trust auth), or set SITELENS_PG_URL.");
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        return new JdbcStores(ds, dir.resolve("blobs"), schema);
    }

    /** Every value of every table of the store's schema, and the bytes of every blob file, as text. */
    List<String> everything() throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = md.getTables(null, schema, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            if (tables.size() < 10) {
                throw new IllegalStateException("the scan found only " + tables + " in schema " + schema);
            }
            for (String t : tables) {
                try (PreparedStatement ps = c.prepareStatement("SELECT * FROM \"" + t + "\"");
                        ResultSet rs = ps.executeQuery()) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= n; i++) {
                            String v = rs.getString(i);
                            if (v != null) {
                                out.add(v);
                            }
                        }
                    }
                }
            }
        }
        if (Files.isDirectory(blobDir)) {
            try (Stream<Path> files = Files.walk(blobDir)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    out.add(f.getFileName().toString());
                    out.add(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1));
                }
            }
        }
        return out;
    }

    /** Runs raw SQL on the store's database. */
    int sql(String statement, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        }
    }

    @Override
    public void close() {
        adapter.close();
        if (!schema.equals("PUBLIC")) {
            try (Connection c = DriverManager.getConnection(PG_URL);
                    Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (SQLException ignored) {
                // the schema has a random name; a leftover does no harm
            }
        }
    }
}
