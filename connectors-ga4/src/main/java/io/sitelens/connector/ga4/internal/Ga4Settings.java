package io.sitelens.connector.ga4.internal;

import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.spi.connector.ConnectorConfig;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A {@code ga4} binding's settings, validated all at once.
 *
 * @param propertyId the numeric GA4 property id
 * @param endpoint the Data API base URL, or null for Google's
 * @param adminEndpoint the Admin API base URL, or null for Google's (defaults to {@code endpoint} when that is set)
 * @param maxConcurrentRequests at most this many requests in flight for the property
 * @param maxQuotaWait the longest wait for an hourly quota reset before giving up with a rate-limit error
 */
public record Ga4Settings(
        String propertyId,
        @Nullable String endpoint,
        @Nullable String adminEndpoint,
        int maxConcurrentRequests,
        Duration maxQuotaWait) {

    public static final String PROPERTY_ID = "propertyId";
    public static final String ENDPOINT = "endpoint";
    public static final String ADMIN_ENDPOINT = "adminEndpoint";
    public static final String MAX_CONCURRENT_REQUESTS = "maxConcurrentRequests";
    public static final String MAX_QUOTA_WAIT = "maxQuotaWait";
    public static final String CREDENTIALS = "credentials";

    public static final List<String> SETTING_KEYS =
            List.of(PROPERTY_ID, ENDPOINT, ADMIN_ENDPOINT, MAX_CONCURRENT_REQUESTS, MAX_QUOTA_WAIT);

    public static final int DEFAULT_MAX_CONCURRENT = 10;
    public static final Duration DEFAULT_MAX_QUOTA_WAIT = Duration.ofMinutes(61);

    private static final Pattern PROPERTY = Pattern.compile("(?:properties/)?([0-9]{1,20})");

    /** Parses and checks every setting, failing once with all problems named. */
    public static Ga4Settings from(ConnectorConfig config) {
        List<String> problems = new ArrayList<>();
        String property = null;
        Optional<String> rawProperty = config.string(PROPERTY_ID);
        if (rawProperty.isEmpty()) {
            problems.add(PROPERTY_ID + " is required (the GA4 property id, such as 123456789 or properties/123456789)");
        } else {
            try {
                property = parsePropertyId(rawProperty.get());
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        String endpoint = endpoint(config, ENDPOINT, problems);
        String admin = endpoint(config, ADMIN_ENDPOINT, problems);
        int max = DEFAULT_MAX_CONCURRENT;
        try {
            max = config.integer(MAX_CONCURRENT_REQUESTS, DEFAULT_MAX_CONCURRENT);
            if (max < 1 || max > 10) {
                problems.add(MAX_CONCURRENT_REQUESTS + " must be within 1..10 (GA4 allows 10 concurrent requests"
                        + " per property), got " + max);
            }
        } catch (SitelensException e) {
            problems.add(stripPrefix(e, config));
        }
        Duration wait = DEFAULT_MAX_QUOTA_WAIT;
        try {
            wait = config.duration(MAX_QUOTA_WAIT, DEFAULT_MAX_QUOTA_WAIT);
            if (wait.isNegative()) {
                problems.add(MAX_QUOTA_WAIT + " must not be negative");
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
        return new Ga4Settings(
                property,
                endpoint,
                admin == null ? endpoint : admin,
                max,
                wait == null ? DEFAULT_MAX_QUOTA_WAIT : wait);
    }

    /** {@code 123} or {@code properties/123} → {@code 123}. */
    public static String parsePropertyId(String text) {
        Matcher m = PROPERTY.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(PROPERTY_ID + " must be a GA4 property id such as 123456789 or"
                    + " properties/123456789 (not a measurement id like G-XXXX or a UA- id), got '" + text + "'");
        }
        return m.group(1);
    }

    /** The resource name, {@code properties/123}. */
    public String property() {
        return "properties/" + propertyId;
    }

    private static @Nullable String endpoint(ConnectorConfig config, String key, List<String> problems) {
        Optional<String> raw = config.string(key);
        if (raw.isEmpty()) {
            return null;
        }
        String v = raw.get();
        URI uri;
        try {
            uri = URI.create(v);
        } catch (IllegalArgumentException e) {
            problems.add(key + " must be a URL such as https://analyticsdata.googleapis.com, got '" + v + "'");
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            problems.add(key + " must be an http:// or https:// URL with a host, got '" + v + "'");
            return null;
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            problems.add(key + " may use plain http:// only for a local stub on a loopback address (credentials would"
                    + " travel in clear text), got '" + v + "'");
            return null;
        }
        if (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) {
            problems.add(key + " must be a base URL without a path (the client adds /v1beta/…), got '" + v + "'");
            return null;
        }
        return scheme + "://" + uri.getRawAuthority();
    }

    private static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!h.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String stripPrefix(SitelensException e, ConnectorConfig config) {
        String prefix = config.providerId() + ": binding '" + config.bindingId() + "': ";
        String m = e.getMessage() == null ? "" : e.getMessage();
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }
}
