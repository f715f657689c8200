package io.sitelens.storage.jdbc.internal;

import static java.util.Objects.requireNonNull;

import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.spi.Backoff;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link DataSource} with its dialect, and the one way the stores talk to it: {@link #transaction}, which
 * runs a unit of work in one transaction, retries it a bounded number of times when the failure is transient
 * (connection lost, serialization failure, deadlock, lock timeout) and turns every {@link SQLException} into
 * a {@link SitelensException} naming the operation and the store (never a password).
 */
public final class Database {
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    /** A unit of work on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** What besides transient failures a unit of work may be retried on. */
    public enum Retry {
        /** Connection failures, serialization failures, deadlocks, lock timeouts. */
        TRANSIENT,
        /**
         * Those, and a unique-key violation: for upserts and insert-if-absent, where a duplicate key can only
         * come from a concurrent writer inserting the same key first, and running again resolves it.
         */
        TRANSIENT_AND_UPSERT_RACE
    }

    static final ErrorCode STORAGE_UNAVAILABLE = ErrorCode.STORAGE_FAILURE;

    private final DataSource dataSource;
    private final Dialect dialect;
    private final String description;
    private final Backoff backoff;

    public Database(DataSource dataSource, Dialect dialect, String description, Backoff backoff) {
        this.dataSource = requireNonNull(dataSource, "dataSource");
        this.dialect = requireNonNull(dialect, "dialect");
        this.description = requireNonNull(description, "description");
        this.backoff = requireNonNull(backoff, "backoff");
    }

    /** Four attempts in all, 20 ms doubling to at most 1 s, with full jitter. */
    public static Backoff defaultBackoff() {
        return new Backoff(Duration.ofMillis(20), Duration.ofSeconds(1), 4);
    }

    public Dialect dialect() {
        return dialect;
    }

    public String description() {
        return description;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public <T> T transaction(String what, Work<T> work) {
        return transaction(what, Retry.TRANSIENT, work);
    }

    /**
     * Runs a read of one statement in auto-commit mode: the same snapshot a transaction would give it, without
     * the round trip of a commit. Retried and reported like {@link #transaction}.
     */
    public <T> T read(String what, Work<T> work) {
        return run(what, Retry.TRANSIENT, work, false);
    }

    /**
     * Runs {@code work} in one transaction: commits when it returns, rolls back when it throws. Transient
     * failures are retried (the whole unit of work runs again) up to the backoff's attempts; constraint
     * violations are reported at once as {@link ErrorCode#STORAGE_CONFLICT}.
     */
    public <T> T transaction(String what, Retry retry, Work<T> work) {
        return run(what, retry, work, true);
    }

    /**
     * Like {@link #transaction(String, Retry, Work)}, and the commit is on disk when this returns. H2 writes
     * committed transactions to its file up to {@code WRITE_DELAY} (half a second) later, so a process killed in
     * between loses them; records that must survive that (privacy requests, the audit log, keys, consent,
     * erasures) are followed by a {@code CHECKPOINT}. PostgreSQL's commits are durable already.
     */
    public <T> T durableTransaction(String what, Retry retry, Work<T> work) {
        T result = transaction(what, retry, work);
        checkpoint(what);
        return result;
    }

    public <T> T durableTransaction(String what, Work<T> work) {
        return durableTransaction(what, Retry.TRANSIENT, work);
    }

    /**
     * On H2, writes every committed transaction to disk now ({@code CHECKPOINT}). A host's H2 user without the
     * admin right it needs gets one warning, and H2's own delayed write then applies.
     */
    public void checkpoint(String what) {
        if (dialect != Dialect.H2 || !checkpointAllowed) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                java.sql.Statement st = c.createStatement()) {
            st.execute("CHECKPOINT");
        } catch (SQLException e) {
            if ("90096".equals(e.getSQLState())) { // not enough rights
                checkpointAllowed = false;
                log.warn(
                        "storage: the database user of {} may not run CHECKPOINT; commits reach the disk up to"
                                + " H2's WRITE_DELAY later",
                        description);
                return;
            }
            throw failure("writing " + what + " to disk", e, 0);
        }
    }

    private volatile boolean checkpointAllowed = true;

    private <T> T run(String what, Retry retry, Work<T> work, boolean inTransaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return inTransaction ? runOnce(work) : runAutoCommit(work);
            } catch (SQLException e) {
                boolean transientFailure = !(e instanceof CommitOutcomeUnknown) && isTransient(e)
                        || (retry == Retry.TRANSIENT_AND_UPSERT_RACE && isUniqueViolation(e));
                if (transientFailure && backoff.allowsAnotherAfter(attempt)) {
                    Duration wait = backoff.delay(attempt, null);
                    log.debug(
                            "storage: {} on {} failed transiently ({}), attempt {} of {}, retrying in {} ms",
                            what,
                            description,
                            e.getSQLState(),
                            attempt,
                            backoff.maxAttempts(),
                            wait.toMillis());
                    sleep(wait);
                    continue;
                }
                throw failure(what, e, transientFailure ? attempt : 0);
            }
        }
    }

    private <T> T runAutoCommit(Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            if (!autoCommit) {
                c.setAutoCommit(true);
            }
            try {
                return work.run(c);
            } finally {
                if (!autoCommit) {
                    c.setAutoCommit(false); // hand the host's connection back as it came
                }
            }
        }
    }

    private <T> T runOnce(Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            if (autoCommit) {
                c.setAutoCommit(false);
            }
            try {
                T result = work.run(c);
                try {
                    c.commit();
                } catch (SQLException commitFailure) {
                    throw new CommitOutcomeUnknown(commitFailure);
                }
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                try {
                    c.rollback();
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            } finally {
                if (autoCommit) {
                    try {
                        c.setAutoCommit(true);
                    } catch (SQLException ignored) {
                        // the pool discards a broken connection; the outcome is already decided
                    }
                }
            }
        }
    }

    private SitelensException failure(String what, SQLException e, int attempts) {
        String state = e.getSQLState() == null ? "" : " [SQLState " + e.getSQLState() + "]";
        String detail = JdbcUrls.redact(String.valueOf(e.getMessage()));
        if (isConstraintViolation(e)) {
            return new SitelensException(
                    ErrorCode.STORAGE_CONFLICT,
                    "storage: " + what + " on " + description + " violates a constraint" + state + ": " + detail,
                    JdbcUrls.redacted(e));
        }
        if (isDataException(e)) {
            return new SitelensException(
                    ErrorCode.INVALID_INPUT,
                    "storage: " + what + " on " + description + " was refused: a value does not fit its column" + state
                            + ": " + detail,
                    JdbcUrls.redacted(e));
        }
        if (e instanceof CommitOutcomeUnknown) {
            return new SitelensException(
                    STORAGE_UNAVAILABLE,
                    "storage: " + what + " on " + description + " lost its connection while committing; the write"
                            + " may or may not have been applied, so it was not retried" + state + ": " + detail,
                    JdbcUrls.redacted(e));
        }
        String tries = attempts > 1 ? " after " + attempts + " attempts" : "";
        return new SitelensException(
                STORAGE_UNAVAILABLE,
                "storage: " + what + " on " + description + " failed" + tries + state + ": " + detail,
                JdbcUrls.redacted(e));
    }

    /** A commit that failed: whether the database applied it is unknown, so it is never retried. */
    private static final class CommitOutcomeUnknown extends SQLException {
        private static final long serialVersionUID = 1L;

        CommitOutcomeUnknown(SQLException cause) {
            super(cause.getMessage(), cause.getSQLState(), cause.getErrorCode(), cause);
        }
    }

    /** Connection exceptions (08xxx), serialization failures (40001), deadlocks (40P01), H2 lock timeouts. */
    static boolean isTransient(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null) {
                String st = s.getSQLState();
                if (st.startsWith("08")
                        || st.equals("40001")
                        || st.equals("40P01")
                        || st.equals("HYT00") // H2: lock timeout
                        || st.equals("90131")) { // H2: concurrent update of the same row
                    return true;
                }
            }
        }
        return false;
    }

    static boolean isConstraintViolation(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }

    /** A value too long (22001) or out of range (22003) for its column. */
    static boolean isDataException(SQLException e) {
        return "22001".equals(e.getSQLState()) || "22003".equals(e.getSQLState());
    }

    /**
     * Inside a transaction: runs {@code attempt} under a savepoint and, if it hits a duplicate key, rolls back to
     * the savepoint and runs {@code onDuplicate} instead. For batches of rows that are new in all but rare cases:
     * the common case costs only the plain inserts, the rare one the careful path.
     */
    static <T> T unlessDuplicate(Connection c, Work<T> attempt, Work<T> onDuplicate) throws SQLException {
        java.sql.Savepoint before = c.setSavepoint();
        try {
            return attempt.run(c);
        } catch (SQLException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            c.rollback(before);
        }
        return onDuplicate.run(c);
    }

    /** A duplicate key (23505), also when a batch reports it only on its chained or causing exception. */
    static boolean isUniqueViolation(SQLException e) {
        int seen = 0; // chains are short; the bound only guards against a cyclic one
        for (Throwable t = e; t != null && seen < 100; t = t.getCause()) {
            SQLException s = t instanceof SQLException q ? q : null;
            for (; s != null && seen++ < 100; s = s.getNextException()) {
                if ("23505".equals(s.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new SitelensException(ErrorCode.CANCELLED, "storage: interrupted while waiting to retry");
        }
    }
}
