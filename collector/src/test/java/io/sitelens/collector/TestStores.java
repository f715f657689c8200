package io.sitelens.collector;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sitelens.memory.InMemoryStorageAdapter;
import io.sitelens.spi.storage.StorageAdapter;
import io.sitelens.storage.jdbc.JdbcStorage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The stores the collector's integration tests run on: memory, embedded H2, PostgreSQL (skipped if absent). */
final class TestStores {
    static final String PG_URL =
            System.getenv().getOrDefault("SITELENS_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    /** An opened store and how to read back every row of every table, as text. */
    record Opened(StorageAdapter store, String jdbcUrl) {
        /** Every value of every table (JDBC stores); empty for the memory store. */
        String dumpTables() throws SQLException {
            if (jdbcUrl.isEmpty()) {
                return "";
            }
            StringBuilder out = new StringBuilder();
            try (Connection c = DriverManager.getConnection(jdbcUrl)) {
                DatabaseMetaData md = c.getMetaData();
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = md.getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
                    while (rs.next()) {
                        tables.add(rs.getString("TABLE_NAME"));
                    }
                }
                if (tables.isEmpty()) {
                    throw new IllegalStateException("no tables found in " + c.getSchema());
                }
                for (String t : tables) {
                    try (Statement st = c.createStatement();
                            ResultSet rs = st.executeQuery("SELECT * FROM \"" + t + "\"")) {
                        int n = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            out.append(t).append(':');
                            for (int i = 1; i <= n; i++) {
                                out.append(' ').append(rs.getString(i));
                            }
                            out.append('\n');
                        }
                    }
                }
            }
            return out.toString();
        }
    }

    static Opened open(String kind, Path dir) {
        return switch (kind) {
            case "memory" -> new Opened(new InMemoryStorageAdapter(), "");
            case "h2" ->
                new Opened(
                        JdbcStorage.embedded(dir),
                        "jdbc:h2:file:" + dir.toAbsolutePath().resolve("sitelens") + ";AUTO_SERVER=TRUE;USER=sitelens");
            case "postgresql" -> {
                assumePostgres();
                String schema = "sitelens_c_"
                        + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
                execute("CREATE SCHEMA " + schema);
                String url = PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
                yield new Opened(JdbcStorage.postgres(url, null, dir), url);
            }
            default -> throw new IllegalArgumentException(kind);
        };
    }

    static void assumePostgres() {
        DriverManager.setLoginTimeout(3);
        try (Connection c = DriverManager.getConnection(PG_URL)) {
            assumeTrue(c.isValid(3), "PostgreSQL at " + PG_URL + " did not answer");
        } catch (SQLException e) {
            assumeTrue(
                    false,
                    "PostgreSQL tests skipped: cannot connect to " + PG_URL + " (" + e.getMessage()
                            + "). Start PostgreSQL on 127.0.0.1:5432 with a database 'test' (trust auth), or set"
                            + " SITELENS_PG_URL.");
        }
    }

    static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(PG_URL);
                Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private TestStores() {}
}
