package io.sitelens.storage.jdbc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The PostgreSQL the tests use: {@code SITELENS_PG_URL}, defaulting to CI's trust-auth database. Each test gets
 * a fresh schema (selected with {@code currentSchema}); schemas are dropped when the class is done.
 */
final class TestPostgres {
    static final String URL =
            System.getenv().getOrDefault("SITELENS_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    private final List<String> schemas = new ArrayList<>();

    /** Skips the calling test class with a message saying how to enable it when PostgreSQL is unreachable. */
    static void assumeReachable() {
        DriverManager.setLoginTimeout(3);
        try (Connection c = DriverManager.getConnection(URL)) {
            assumeTrue(c.isValid(3), "PostgreSQL at " + URL + " did not answer");
        } catch (SQLException e) {
            assumeTrue(
                    false,
                    "PostgreSQL tests skipped: cannot connect to "
                            + URL.replaceAll("(?i)password=[^&]*", "password=****")
                            + " (" + e.getMessage() + "). To run them, start PostgreSQL on 127.0.0.1:5432 with a"
                            + " database 'test' (trust auth), or set SITELENS_PG_URL to a JDBC URL of a database"
                            + " where the tests may create schemas.");
        }
    }

    /** Creates an empty schema and returns the JDBC URL selecting it. */
    String freshSchemaUrl() {
        String schema =
                "sitelens_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("CREATE SCHEMA " + schema);
        schemas.add(schema);
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    void dropAll() {
        for (String s : schemas) {
            execute("DROP SCHEMA IF EXISTS " + s + " CASCADE");
        }
        schemas.clear();
    }

    static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(URL);
                Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
