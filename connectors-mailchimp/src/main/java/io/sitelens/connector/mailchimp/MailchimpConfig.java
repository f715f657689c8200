package io.sitelens.connector.mailchimp;

import static java.util.Objects.requireNonNull;

import io.sitelens.SitelensException;
import io.sitelens.model.Secret;
import io.sitelens.spi.Backoff;
import io.sitelens.spi.HttpSettings;
import io.sitelens.spi.connector.ConnectorConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The typed configuration of a {@code mailchimp} binding, read from its {@link ConnectorConfig} and validated
 * all at once:
 *
 * <ul>
 *   <li>secret {@code apiKey}: a Marketing API key; its suffix after the last dash names the data centre
 *       ({@code …-us6} → {@code https://us6.api.mailchimp.com/3.0/}). Resolved only when a call needs it.
 *   <li>{@code lists}: comma-separated audience ids in scope; empty means every audience of the account,
 *       discovered with {@code GET /lists}.
 *   <li>{@code baseUrl}: overrides the API root (a proxy or a test stub); plain {@code http} only on loopback.
 *   <li>{@code maxLists} (default 1000, at most 10000): the bound on audiences discovered.
 *   <li>{@code pageSize} (default 1000, Mailchimp's maximum): audiences per {@code GET /lists} page.
 *   <li>{@code maxAttempts} (default: the host's HTTP retries + 1), {@code backoffBase} (default 500ms),
 *       {@code backoffMax} (default 30s): the bounded backoff on HTTP 429 and 5xx.
 * </ul>
 *
 * <p>{@link #toString()} never shows the key.
 */
public final class MailchimpConfig {
    /** The provider id a binding names to use this handler. */
    public static final String PROVIDER_ID = "mailchimp";

    public static final String API_KEY = "apiKey";
    public static final String LISTS = "lists";
    public static final String BASE_URL = "baseUrl";
    public static final String MAX_LISTS = "maxLists";
    public static final String PAGE_SIZE = "pageSize";
    public static final String MAX_ATTEMPTS = "maxAttempts";
    public static final String BACKOFF_BASE = "backoffBase";
    public static final String BACKOFF_MAX = "backoffMax";

    /** The setting keys a binding may carry (secrets aside). */
    public static final List<String> SETTING_KEYS =
            List.of(LISTS, BASE_URL, MAX_LISTS, PAGE_SIZE, MAX_ATTEMPTS, BACKOFF_BASE, BACKOFF_MAX);

    private static final Pattern LIST_ID = Pattern.compile("[A-Za-z0-9]{1,64}");
    private static final Pattern DATA_CENTRE = Pattern.compile("[a-z]{2,8}[0-9]{1,4}");

    private final ConnectorConfig source;
    private final List<String> lists;
    private final @Nullable URI baseUrl;
    private final int maxLists;
    private final int pageSize;
    private final int maxAttempts;
    private final Duration backoffBase;
    private final Duration backoffMax;
    private volatile @Nullable Secret apiKey;

    private MailchimpConfig(ConnectorConfig source) {
        this.source = source;
        this.lists = parseLists(source);
        this.baseUrl = parseBaseUrl(source);
        this.maxLists = bounded(source, MAX_LISTS, 1000, 1, 10_000);
        this.pageSize = bounded(source, PAGE_SIZE, 1000, 1, 1000);
        this.maxAttempts = bounded(source, MAX_ATTEMPTS, 0, 1, 50);
        this.backoffBase = source.duration(BACKOFF_BASE, Duration.ofMillis(500));
        this.backoffMax = source.duration(BACKOFF_MAX, Duration.ofSeconds(30));
        if (backoffBase.isNegative() || backoffMax.compareTo(backoffBase) < 0) {
            throw source.invalid(BACKOFF_MAX, "must be at least " + BACKOFF_BASE + " (" + backoffBase + ")");
        }
    }

    /**
     * Reads and validates the binding's settings now; fails with {@code config.invalid} naming every problem's
     * key. The secret {@code apiKey} must be declared but is resolved later, on the first call.
     */
    public static MailchimpConfig from(ConnectorConfig config) {
        requireNonNull(config, "config");
        config.requireAll(List.of(), List.of(API_KEY));
        return new MailchimpConfig(config);
    }

    public String bindingId() {
        return source.bindingId();
    }

    /** The audiences in scope; empty means every audience of the account. */
    public List<String> lists() {
        return lists;
    }

    public boolean allLists() {
        return lists.isEmpty();
    }

    /** The {@code baseUrl} override, if set. */
    public Optional<URI> baseUrlOverride() {
        return Optional.ofNullable(baseUrl);
    }

    public int maxLists() {
        return maxLists;
    }

    public int pageSize() {
        return pageSize;
    }

    /** The backoff for 429 and 5xx answers, with the attempts from {@code maxAttempts} or the host's settings. */
    public Backoff backoff(HttpSettings http) {
        int attempts = maxAttempts > 0 ? maxAttempts : Math.min(50, http.maxRetries() + 1);
        return new Backoff(backoffBase, backoffMax, attempts);
    }

    /** The API key, resolved through the tenant's secret resolver on first use. */
    public Secret apiKey() {
        Secret key = apiKey;
        if (key == null) {
            key = source.secret(API_KEY);
            if (key.isEmpty()) {
                throw source.invalid(API_KEY, "resolved to an empty value");
            }
            apiKey = key;
        }
        return key;
    }

    /**
     * The data centre named by the key's suffix ({@code us6}); with a {@code baseUrl} override and a key without
     * one, the override's host. Fails naming {@code apiKey} (never its value) when neither says.
     */
    public String dataCentre() {
        String key = apiKey().reveal();
        int dash = key.lastIndexOf('-');
        String suffix = dash < 0 ? "" : key.substring(dash + 1).trim().toLowerCase(Locale.ROOT);
        if (DATA_CENTRE.matcher(suffix).matches()) {
            return suffix;
        }
        if (baseUrl != null) {
            return String.valueOf(baseUrl.getHost());
        }
        throw source.invalid(
                API_KEY,
                "does not end in a data-centre suffix such as '-us6' (the key is not shown); copy the whole key"
                        + " from Mailchimp, or set " + BASE_URL);
    }

    /** The API root: the {@code baseUrl} override, or {@code https://<dc>.api.mailchimp.com/3.0/}. */
    public URI apiRoot() {
        if (baseUrl != null) {
            return baseUrl;
        }
        return URI.create("https://" + dataCentre() + ".api.mailchimp.com/3.0/");
    }

    /** A config error naming this binding and {@code key}. */
    public SitelensException invalid(String key, String problem) {
        return source.invalid(key, problem);
    }

    private static List<String> parseLists(ConnectorConfig config) {
        Optional<String> raw = config.string(LISTS);
        if (raw.isEmpty()) {
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String part : raw.get().split(",")) {
            String id = part.trim();
            if (id.isEmpty()) {
                continue;
            }
            if (!LIST_ID.matcher(id).matches()) {
                throw config.invalid(
                        LISTS, "has '" + id + "', which is not a Mailchimp audience id (letters and digits)");
            }
            ids.add(id);
        }
        if (ids.size() > 10_000) {
            throw config.invalid(LISTS, "names more than 10000 audiences");
        }
        return List.copyOf(new ArrayList<>(ids));
    }

    private static @Nullable URI parseBaseUrl(ConnectorConfig config) {
        Optional<String> raw = config.string(BASE_URL);
        if (raw.isEmpty()) {
            return null;
        }
        String text = raw.get().endsWith("/") ? raw.get() : raw.get() + "/";
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw config.invalid(BASE_URL, "is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw config.invalid(
                    BASE_URL, "must be an http(s) URL with a host, such as https://us6.api.mailchimp.com/3.0/");
        }
        if (uri.getUserInfo() != null || uri.getQuery() != null || uri.getFragment() != null) {
            throw config.invalid(BASE_URL, "must not carry credentials, a query or a fragment");
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw config.invalid(
                    BASE_URL,
                    "uses plain http to " + uri.getHost()
                            + "; the API key may only travel over https (or to loopback)");
        }
        return uri;
    }

    private static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
    }

    private static int bounded(ConnectorConfig config, String key, int defaultValue, int min, int max) {
        int v = config.integer(key, defaultValue);
        if (v == defaultValue && config.string(key).isEmpty()) {
            return v;
        }
        if (v < min || v > max) {
            throw config.invalid(key, "must be within " + min + ".." + max + ", got " + v);
        }
        return v;
    }

    @Override
    public String toString() {
        return "MailchimpConfig[binding=" + source.bindingId() + ", lists="
                + (lists.isEmpty() ? "all" : String.join(",", lists)) + (baseUrl == null ? "" : ", baseUrl=" + baseUrl)
                + ", apiKey=****]";
    }
}
