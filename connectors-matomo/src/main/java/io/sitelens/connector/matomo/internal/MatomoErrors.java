package io.sitelens.connector.matomo.internal;

import io.sitelens.ErrorCategory;
import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import java.util.regex.Pattern;

/** Turns what Matomo answered into {@link SitelensException}s with codes a caller can act on. */
public final class MatomoErrors {
    public static final String PROVIDER = "matomo";

    /** Matomo ran out of memory (or time) building a report: split the range and ask again. */
    public static final ErrorCode MEMORY_EXHAUSTED =
            ErrorCode.of("external.matomo-memory-exhausted", ErrorCategory.EXTERNAL, false);
    /** The API method does not exist on this Matomo (old version, plugin not activated). */
    public static final ErrorCode UNKNOWN_METHOD =
            ErrorCode.of("external.unknown-method", ErrorCategory.EXTERNAL, false);

    private static final Pattern MEMORY = Pattern.compile(
            "allowed memory size|memory exhausted|out of memory|maximum execution time", Pattern.CASE_INSENSITIVE);
    private static final Pattern UNKNOWN = Pattern.compile(
            "does not exist or is not available|method .{0,80} does not exist|not activated|is not enabled",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern AUTH = Pattern.compile(
            "token_auth|you can't access this resource|you can.t access|requires '?(view|admin|write|super ?user)'? access"
                    + "|please log in|not authenticated|must be logged in|invalid token",
            Pattern.CASE_INSENSITIVE);

    private MatomoErrors() {}

    static boolean isMemoryMessage(String text) {
        return MEMORY.matcher(text).find();
    }

    /** An error for a Matomo error message (a {@code {"result":"error"}} body, in a bulk answer or not). */
    static SitelensException fromMessage(String displayUrl, String siteId, String method, int status, String message) {
        String said = message.isBlank() ? "(no message)" : message;
        if (isMemoryMessage(said)) {
            return new SitelensException(
                    MEMORY_EXHAUSTED,
                    PROVIDER,
                    "Matomo at " + displayUrl + " ran out of memory or time answering " + method + ": " + said,
                    null);
        }
        if (status == 401 || status == 403 || AUTH.matcher(said).find()) {
            return authentication(displayUrl, siteId, status, said);
        }
        if (UNKNOWN.matcher(said).find()) {
            return new SitelensException(
                    UNKNOWN_METHOD,
                    PROVIDER,
                    "Matomo at " + displayUrl + " does not offer API method " + method
                            + " (is its plugin activated, is Matomo recent enough?): " + said,
                    null);
        }
        return new SitelensException(
                ErrorCode.EXTERNAL_REJECTED,
                PROVIDER,
                "Matomo at " + displayUrl + " refused " + method + (status > 0 ? " (HTTP " + status + ")" : "") + ": "
                        + said,
                null);
    }

    static SitelensException authentication(String displayUrl, String siteId, int status, String said) {
        return new SitelensException(
                ErrorCode.AUTHENTICATION_FAILED,
                PROVIDER,
                "Matomo at " + displayUrl + " did not accept the token for site " + siteId
                        + (status > 0 ? " (HTTP " + status + ")" : "")
                        + "; check the binding's secret 'token' and that it has view access to the site. Matomo said: "
                        + said,
                null);
    }
}
