package io.sitelens.storage.jdbc.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * Conversions between model values and columns that behave the same on H2 and PostgreSQL. Instants are
 * {@code TIMESTAMP WITH TIME ZONE}, truncated to microseconds (what PostgreSQL keeps) before they are written,
 * so a value reads back equal on both databases.
 */
final class Columns {
    private Columns() {}

    static Instant micros(Instant i) {
        return i.truncatedTo(ChronoUnit.MICROS);
    }

    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    private static final Instant EARLIEST = Instant.parse("-4712-01-01T00:00:00Z");

    static void setInstant(PreparedStatement ps, int index, @Nullable Instant i) throws SQLException {
        if (i == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            // Instant.MIN/MAX (open-ended ranges, as Sitelens.startRun asks usage with) are beyond what
            // OffsetDateTime and the databases hold: clamp to years -4712 and 9999
            Instant clamped = i.isAfter(LATEST) ? LATEST : i.isBefore(EARLIEST) ? EARLIEST : i;
            ps.setObject(index, OffsetDateTime.ofInstant(micros(clamped), ZoneOffset.UTC));
        }
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static void setDate(PreparedStatement ps, int index, @Nullable LocalDate d) throws SQLException {
        if (d == null) {
            ps.setNull(index, Types.DATE);
        } else {
            ps.setObject(index, d);
        }
    }

    static @Nullable LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    static void setString(PreparedStatement ps, int index, @Nullable String s) throws SQLException {
        if (s == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, s);
        }
    }

    /** Lowercase hex SHA-256 of the parts joined by NUL (a character no key part contains). */
    static String hash(String... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    md.update((byte) 0);
                }
                md.update(parts[i].getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
