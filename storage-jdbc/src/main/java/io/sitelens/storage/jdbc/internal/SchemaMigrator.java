package io.sitelens.storage.jdbc.internal;

import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.OptionalInt;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Brings a database to the schema this sitelens ships (Flyway, migrations under {@code db/sitelens}, history
 * in {@code sitelens_schema_history}), after refusing a database whose {@code sitelens_schema_info} says a
 * newer sitelens created it: such a database is never migrated backwards nor written by an older version.
 */
public final class SchemaMigrator {
    /** The schema version this build writes: the highest migration under {@code db/sitelens}. */
    public static final int SCHEMA_VERSION = 1;

    /**
     * The migration scripts this build ships under {@code db/sitelens}, in order (a test checks this list against
     * the directory, so a new script cannot be forgotten here).
     */
    static final List<String> MIGRATIONS = List.of("V1__sitelens_schema.sql", "V2__privacy.sql", "V3__behaviour.sql");

    private static final String HISTORY = "sitelens_schema_history";

    private SchemaMigrator() {}

    public static void migrate(Database db) {
        OptionalInt found = db.transaction("read the schema version", SchemaMigrator::storedVersion);
        if (found.isPresent() && found.getAsInt() > SCHEMA_VERSION) {
            throw new SitelensException(
                    ErrorCode.STORAGE_INCOMPATIBLE,
                    "storage: the database " + db.description() + " has sitelens schema version " + found.getAsInt()
                            + ", written by a newer sitelens; this sitelens knows versions up to " + SCHEMA_VERSION
                            + ". Upgrade sitelens to open it (it is never migrated backwards).");
        }
        if (db.transaction("read the schema history", SchemaMigrator::upToDate)) {
            return; // every shipped migration applied: no need to load Flyway (a tenth of a second per command)
        }
        try {
            Flyway.configure(SchemaMigrator.class.getClassLoader())
                    .dataSource(db.dataSource())
                    .locations("classpath:db/sitelens")
                    .table("sitelens_schema_history")
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .validateMigrationNaming(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new SitelensException(
                    ErrorCode.STORAGE_FAILURE,
                    "storage: migrating the schema of " + db.description() + " failed: "
                            + JdbcUrls.redact(String.valueOf(e.getMessage())),
                    JdbcUrls.redacted(e));
        }
    }

    /**
     * True when Flyway's history records exactly the shipped scripts as applied and successful. Anything else (a
     * new store, a newer build's scripts missing here, a failed migration) goes through Flyway, which migrates,
     * validates or reports.
     */
    static boolean upToDate(Connection c) throws SQLException {
        if (!tableExists(c, HISTORY)) {
            return false;
        }
        List<String> applied = new java.util.ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT \"script\", \"success\" FROM \"" + HISTORY
                        + "\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (!rs.getBoolean(2)) {
                    return false;
                }
                applied.add(rs.getString(1));
            }
        }
        return applied.equals(MIGRATIONS);
    }

    /** The version in {@code sitelens_schema_info}, or empty for a database sitelens has not set up yet. */
    static OptionalInt storedVersion(Connection c) throws SQLException {
        if (!tableExists(c, "sitelens_schema_info")) {
            return OptionalInt.empty();
        }
        try (PreparedStatement ps =
                        c.prepareStatement("SELECT schema_version FROM sitelens_schema_info WHERE singleton = 1");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? OptionalInt.of(rs.getInt(1)) : OptionalInt.empty();
        }
    }

    private static boolean tableExists(Connection c, String table) throws SQLException {
        String schema = c.getSchema();
        for (String name : new String[] {table, table.toUpperCase(java.util.Locale.ROOT)}) {
            try (ResultSet rs = c.getMetaData().getTables(null, schema, name, new String[] {"TABLE", "BASE TABLE"})) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
