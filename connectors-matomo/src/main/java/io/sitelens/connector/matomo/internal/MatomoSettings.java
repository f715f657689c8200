package io.sitelens.connector.matomo.internal;

import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.spi.HttpSettings;
import io.sitelens.spi.connector.ConnectorConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * A Matomo binding's settings, read and validated all at once from a {@link ConnectorConfig}. Holds no secret:
 * the token and the basic-auth password are resolved by the client when a call needs them.
 *
 * @param endpoint the {@code index.php} URL every request is POSTed to
 * @param pageSize rows per report table per request ({@code filter_limit})
 * @param windowDays days per sub-request when fetching daily rows (page URLs and the like)
 * @param bulkSize sub-requests per {@code API.getBulkRequest}
 * @param maxPages pages fetched per window at most (bounds every paging loop)
 * @param concurrency HTTP requests in flight at once for one query
 */
public record MatomoSettings(
        HttpUrl endpoint,
        String siteId,
        Duration connectTimeout,
        Duration readTimeout,
        Duration callTimeout,
        @Nullable String basicAuthUser,
        int pageSize,
        int windowDays,
        int bulkSize,
        int maxPages,
        int concurrency,
        int maxAttempts,
        Duration retryBaseDelay,
        long maxResponseBytes) {

    public static final String BASE_URL = "baseUrl";
    public static final String SITE_ID = "siteId";
    public static final String CONNECT_TIMEOUT = "connectTimeout";
    public static final String READ_TIMEOUT = "readTimeout";
    public static final String CALL_TIMEOUT = "callTimeout";
    public static final String BASIC_AUTH_USER = "basicAuthUser";
    public static final String PAGE_SIZE = "pageSize";
    public static final String WINDOW_DAYS = "windowDays";
    public static final String BULK_SIZE = "bulkSize";
    public static final String MAX_PAGES = "maxPages";
    public static final String CONCURRENCY = "concurrency";
    public static final String MAX_RETRIES = "maxRetries";
    public static final String RETRY_BASE_DELAY = "retryBaseDelay";
    public static final String MAX_RESPONSE_BYTES = "maxResponseBytes";

    public static final String TOKEN = "token";
    public static final String BASIC_AUTH_PASSWORD = "basicAuthPassword";

    public static final List<String> SETTING_KEYS = List.of(
            BASE_URL,
            SITE_ID,
            CONNECT_TIMEOUT,
            READ_TIMEOUT,
            CALL_TIMEOUT,
            BASIC_AUTH_USER,
            PAGE_SIZE,
            WINDOW_DAYS,
            BULK_SIZE,
            MAX_PAGES,
            CONCURRENCY,
            MAX_RETRIES,
            RETRY_BASE_DELAY,
            MAX_RESPONSE_BYTES);
    public static final List<String> SECRET_KEYS = List.of(TOKEN, BASIC_AUTH_PASSWORD);

    /** Reads every setting, collecting all problems into one {@code config.invalid} error. */
    public static MatomoSettings from(ConnectorConfig config, HttpSettings http) {
        List<String> problems = new ArrayList<>();
        HttpUrl endpoint = null;
        Optional<String> base = config.string(BASE_URL);
        if (base.isEmpty()) {
            problems.add(BASE_URL + " is required (such as https://analytics.example.org/)");
        } else {
            endpoint = endpoint(base.get());
            if (endpoint == null) {
                problems.add(BASE_URL + " must be an http(s) URL without user info, got '" + base.get() + "'");
            }
        }
        String siteId = config.string(SITE_ID).orElse("");
        if (!siteId.matches("[1-9][0-9]{0,9}")) {
            problems.add(SITE_ID + " must be a Matomo site id (a positive whole number), got '" + siteId + "'");
        }
        if (!config.hasSecret(TOKEN)) {
            problems.add(TOKEN + " (secret) is required: write it as a reference such as env:MATOMO_TOKEN");
        }
        String user = config.string(BASIC_AUTH_USER).orElse(null);
        if (user != null && !config.hasSecret(BASIC_AUTH_PASSWORD)) {
            problems.add(BASIC_AUTH_USER + " is set but the secret " + BASIC_AUTH_PASSWORD + " is missing");
        }
        if (user == null && config.hasSecret(BASIC_AUTH_PASSWORD)) {
            problems.add(BASIC_AUTH_PASSWORD + " is set but " + BASIC_AUTH_USER + " is missing");
        }
        Duration connect = duration(config, CONNECT_TIMEOUT, http.connectTimeout(), problems);
        Duration read = duration(config, READ_TIMEOUT, http.readTimeout(), problems);
        Duration call = duration(config, CALL_TIMEOUT, http.callTimeout(), problems);
        Duration retryBase = duration(config, RETRY_BASE_DELAY, Duration.ofMillis(500), problems);
        int pageSize = bounded(config, PAGE_SIZE, 1000, 1, 100_000, problems);
        int windowDays = bounded(config, WINDOW_DAYS, 7, 1, 366, problems);
        int bulkSize = bounded(config, BULK_SIZE, 10, 1, 500, problems);
        int maxPages = bounded(config, MAX_PAGES, 1000, 1, 100_000, problems);
        int concurrency = bounded(config, CONCURRENCY, 2, 1, 8, problems);
        int maxRetries = bounded(config, MAX_RETRIES, http.maxRetries(), 0, 20, problems);
        long maxBytes = 256L * 1024 * 1024;
        try {
            maxBytes = config.longValue(MAX_RESPONSE_BYTES, maxBytes);
            if (maxBytes < 1024) {
                problems.add(MAX_RESPONSE_BYTES + " must be at least 1024, got " + maxBytes);
            }
        } catch (SitelensException e) {
            problems.add(stripPrefix(e, config));
        }
        if (!problems.isEmpty()) {
            throw new SitelensException(
                    ErrorCode.CONFIG_INVALID,
                    config.providerId(),
                    "binding '" + config.bindingId() + "': " + String.join("; ", problems),
                    null);
        }
        return new MatomoSettings(
                endpoint,
                siteId,
                connect,
                read,
                call,
                user,
                pageSize,
                windowDays,
                bulkSize,
                maxPages,
                concurrency,
                maxRetries + 1,
                retryBase,
                maxBytes);
    }

    /** The {@code index.php} endpoint for a base URL, or null if it is not an acceptable URL. */
    static @Nullable HttpUrl endpoint(String base) {
        HttpUrl url = HttpUrl.parse(base.trim());
        if (url == null || !url.username().isEmpty() || !url.password().isEmpty()) {
            return null;
        }
        String path = url.encodedPath();
        String withScript = path.endsWith("/index.php") ? path : path.replaceAll("/+$", "") + "/index.php";
        return url.newBuilder()
                .encodedPath(withScript)
                .query(null)
                .fragment(null)
                .build();
    }

    /** The Matomo URL as users know it (the endpoint without {@code index.php}), for messages. */
    public String displayUrl() {
        String s = endpoint.toString();
        return s.endsWith("index.php") ? s.substring(0, s.length() - "index.php".length()) : s;
    }

    private static Duration duration(ConnectorConfig c, String key, Duration def, List<String> problems) {
        try {
            Duration d = c.duration(key, def);
            if (d.isNegative() || (d.isZero() && !key.equals(RETRY_BASE_DELAY))) {
                problems.add(key + " must be positive, got " + d);
                return def;
            }
            return d;
        } catch (SitelensException e) {
            problems.add(stripPrefix(e, c));
            return def;
        }
    }

    private static int bounded(ConnectorConfig c, String key, int def, int min, int max, List<String> problems) {
        try {
            int v = c.integer(key, def);
            if (v < min || v > max) {
                problems.add(key + " must be within " + min + ".." + max + ", got " + v);
                return def;
            }
            return v;
        } catch (SitelensException e) {
            problems.add(stripPrefix(e, c));
            return def;
        }
    }

    private static String stripPrefix(SitelensException e, ConnectorConfig c) {
        String m = e.getMessage();
        String prefix = c.providerId() + ": binding '" + c.bindingId() + "': ";
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }
}
