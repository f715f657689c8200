package io.sitelens.storage.jdbc.internal;

import java.sql.SQLException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Keeps passwords out of messages: JDBC URLs and driver messages are redacted before they are shown. */
public final class JdbcUrls {
    private static final Pattern PASSWORD_PARAM =
            Pattern.compile("(?i)((?:password|passwd|pwd|sslpassword)\\s*=)[^&;\\s]*");
    private static final Pattern USER_INFO = Pattern.compile("(//)[^/@\\s]*:[^/@\\s]*@");

    private JdbcUrls() {}

    /** The text with any {@code password=…} parameter and {@code user:password@} part masked. */
    public static String redact(String text) {
        String t = PASSWORD_PARAM.matcher(text).replaceAll("$1****");
        return USER_INFO.matcher(t).replaceAll("$1****@");
    }

    /**
     * A copy of the exception chain with every message redacted (same SQLState, vendor code and stack), so a
     * driver message that echoes a URL cannot leak a password into logs.
     */
    public static @Nullable SQLException redacted(@Nullable Throwable e) {
        if (e == null) {
            return null;
        }
        SQLException copy;
        if (e instanceof SQLException s) {
            copy = new SQLException(
                    redact(e.getClass().getSimpleName() + ": " + s.getMessage()), s.getSQLState(), s.getErrorCode());
        } else {
            copy = new SQLException(redact(e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
        copy.setStackTrace(e.getStackTrace());
        Throwable cause = e.getCause();
        if (cause != null && cause != e) {
            copy.initCause(redacted(cause));
        }
        return copy;
    }

    /**
     * {@code postgresql://host:port/db} (or {@code h2:file:/path}) from a JDBC URL: no user, no password, no
     * parameters or settings.
     */
    public static String describe(String jdbcUrl) {
        String u = jdbcUrl.startsWith("jdbc:") ? jdbcUrl.substring(5) : jdbcUrl;
        for (char c : new char[] {'?', ';'}) {
            int i = u.indexOf(c);
            if (i >= 0) {
                u = u.substring(0, i);
            }
        }
        return USER_INFO.matcher(u).replaceAll("$1");
    }
}
