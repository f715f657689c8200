package io.sitelens.storage.jdbc.internal;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The few statements that differ between H2 and PostgreSQL: upserts and insert-if-absent. Everything else
 * (schema, queries, {@code FOR UPDATE SKIP LOCKED}, {@code LIMIT}) is the same SQL on both.
 */
public enum Dialect {
    /** H2 2.x in its regular mode: {@code MERGE INTO … KEY (…)} and standard {@code MERGE … WHEN NOT MATCHED}. */
    H2,
    /** PostgreSQL: {@code INSERT … ON CONFLICT}. */
    POSTGRESQL;

    public static Dialect fromProductName(String productName) {
        String p = productName.toLowerCase(Locale.ROOT);
        if (p.contains("h2")) {
            return H2;
        }
        if (p.contains("postgres")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException(
                "unsupported database '" + productName + "': sitelens stores data in H2 or PostgreSQL");
    }

    /** Inserts the row, or replaces the non-key columns of the row with the same key. */
    String upsert(String table, List<String> columns, List<String> key) {
        String cols = String.join(", ", columns);
        String params = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
        return switch (this) {
            case H2 ->
                "MERGE INTO " + table + " (" + cols + ") KEY (" + String.join(", ", key) + ") VALUES (" + params + ")";
            case POSTGRESQL -> {
                List<String> rest =
                        columns.stream().filter(c -> !key.contains(c)).toList();
                String action = rest.isEmpty()
                        ? "DO NOTHING"
                        : "DO UPDATE SET "
                                + rest.stream().map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "));
                yield "INSERT INTO " + table + " (" + cols + ") VALUES (" + params + ") ON CONFLICT ("
                        + String.join(", ", key) + ") " + action;
            }
        };
    }

    /**
     * Inserts the row unless a row with the same key exists (then changes nothing). The update count is 1 for
     * a new row and 0 otherwise, on both databases, even under concurrent writers.
     */
    String insertIfAbsent(String table, List<String> columns, List<String> key) {
        String cols = String.join(", ", columns);
        String params = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
        return switch (this) {
            case H2 -> {
                String on = key.stream().map(c -> "t." + c + " = s." + c).collect(Collectors.joining(" AND "));
                String values = columns.stream().map(c -> "s." + c).collect(Collectors.joining(", "));
                yield "MERGE INTO " + table + " t USING (VALUES (" + params + ")) AS s (" + cols + ") ON " + on
                        + " WHEN NOT MATCHED THEN INSERT (" + cols + ") VALUES (" + values + ")";
            }
            case POSTGRESQL ->
                "INSERT INTO " + table + " (" + cols + ") VALUES (" + params + ") ON CONFLICT ("
                        + String.join(", ", key) + ") DO NOTHING";
        };
    }
}
