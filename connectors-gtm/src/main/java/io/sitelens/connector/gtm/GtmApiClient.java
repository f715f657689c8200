package io.sitelens.connector.gtm;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sitelens.connector.gtm.internal.ContainerReader;
import io.sitelens.connector.gtm.internal.GoogleTokens;
import io.sitelens.connector.gtm.internal.RateLimiter;
import io.sitelens.connector.gtm.internal.TagManagerHttp;
import io.sitelens.model.Secret;
import io.sitelens.spi.Backoff;
import io.sitelens.spi.HttpSettings;
import io.sitelens.spi.UsageMeter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * A read-only client of the Tag Manager API v2: accounts, containers, workspaces, and a container's live
 * version or a workspace's current state as a {@link GtmContainer}. Every list follows {@code pageToken} to the
 * end. Requests are spaced to the API's limit (0.25 requests per second by default, one every 4 s) and retried
 * with {@link Backoff} on rate errors (HTTP 429, 403 {@code rateLimitExceeded}) and server errors; other errors
 * fail at once as {@link io.sitelens.SitelensException}s naming the request. Thread-safe.
 *
 * <pre>{@code
 * try (GtmApiClient api = GtmApiClient.builder().serviceAccount(keyJson).build()) {
 *     GtmContainer live = api.liveVersion("6002958335", "222830601");
 * }
 * }</pre>
 */
public final class GtmApiClient implements AutoCloseable {
    /** The public endpoint. */
    public static final String DEFAULT_BASE_URL = "https://tagmanager.googleapis.com/tagmanager/v2/";

    /** The Tag Manager API's default per-user limit. */
    public static final double DEFAULT_REQUESTS_PER_SECOND = 0.25;

    private final TagManagerHttp http;

    private GtmApiClient(TagManagerHttp http) {
        this.http = http;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A GTM account. */
    public record Account(String accountId, String name) {}

    /** A container of an account. {@code publicId} is {@code GTM-…}. */
    public record Container(
            String accountId, String containerId, String publicId, String name, List<String> usageContext) {
        public Container {
            usageContext = List.copyOf(usageContext);
        }
    }

    /** A workspace of a container. */
    public record Workspace(String workspaceId, String name) {}

    public List<Account> accounts() {
        return http.list("accounts", "account").stream()
                .map(a ->
                        new Account(a.path("accountId").asText(), a.path("name").asText()))
                .toList();
    }

    public List<Container> containers(String accountId) {
        return http.list("accounts/" + id(accountId) + "/containers", "container").stream()
                .map(GtmApiClient::container)
                .toList();
    }

    public List<Workspace> workspaces(String accountId, String containerId) {
        return http.list(containerPath(accountId, containerId) + "/workspaces", "workspace").stream()
                .map(w -> new Workspace(
                        w.path("workspaceId").asText(), w.path("name").asText()))
                .toList();
    }

    /** The published (live) version of a container: one request ({@code versions:live}). */
    public GtmContainer liveVersion(String accountId, String containerId) {
        String path = containerPath(accountId, containerId) + "/versions:live";
        return ContainerReader.fromContainerVersion(
                http.get(path), http.base().resolve(path).toString());
    }

    /**
     * The current (unpublished) state of a workspace: the container, then its tags, triggers, variables, enabled
     * built-in variables and templates, each list paged to the end.
     */
    public GtmContainer workspace(String accountId, String containerId, String workspaceId) {
        String cpath = containerPath(accountId, containerId);
        String wpath = cpath + "/workspaces/" + id(workspaceId);
        JsonNode container = http.get(cpath);
        ObjectNode version = ContainerReader.mapper().createObjectNode();
        version.set("container", container);
        version.put("accountId", accountId);
        version.put("containerId", containerId);
        version.set("tag", array(http.list(wpath + "/tags", "tag")));
        version.set("trigger", array(http.list(wpath + "/triggers", "trigger")));
        version.set("variable", array(http.list(wpath + "/variables", "variable")));
        version.set("builtInVariable", array(http.list(wpath + "/built_in_variables", "builtInVariable")));
        version.set("customTemplate", array(http.list(wpath + "/templates", "template")));
        return ContainerReader.fromContainerVersion(
                version, http.base().resolve(wpath).toString());
    }

    private static ArrayNode array(List<JsonNode> items) {
        ArrayNode a = ContainerReader.mapper().createArrayNode();
        items.forEach(a::add);
        return a;
    }

    private static Container container(JsonNode c) {
        List<String> usage = new ArrayList<>();
        c.path("usageContext").forEach(u -> usage.add(u.asText()));
        return new Container(
                c.path("accountId").asText(),
                c.path("containerId").asText(),
                c.path("publicId").asText(),
                c.path("name").asText(),
                usage);
    }

    private static String containerPath(String accountId, String containerId) {
        return "accounts/" + id(accountId) + "/containers/" + id(containerId);
    }

    /** GTM ids are digits; refusing anything else keeps paths well-formed. */
    private static String id(String value) {
        requireNonNull(value, "id");
        if (!value.matches("[0-9]{1,20}")) {
            throw new IllegalArgumentException(
                    "GTM account, container and workspace ids are numbers, got '" + value + "'");
        }
        return value;
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "GtmApiClient[" + http.base() + "]";
    }

    /** Builds a {@link GtmApiClient}; credentials are required (a service-account key or an access token). */
    public static final class Builder {
        private String baseUrl = DEFAULT_BASE_URL;
        private @Nullable Supplier<String> tokens;
        private HttpSettings http = HttpSettings.DEFAULTS;
        private double requestsPerSecond = DEFAULT_REQUESTS_PER_SECOND;
        private Backoff backoff = Backoff.DEFAULT;
        private UsageMeter usage = UsageMeter.NONE;
        private RateLimiter.Ticker ticker = RateLimiter.Ticker.SYSTEM;

        private Builder() {}

        /** Another endpoint (a local stub in tests); must end with {@code /}. */
        public Builder baseUrl(String url) {
            HttpUrl parsed = HttpUrl.parse(requireNonNull(url, "url"));
            if (parsed == null || !url.endsWith("/")) {
                throw new IllegalArgumentException("baseUrl must be an http(s) URL ending with '/', got '" + url + "'");
            }
            this.baseUrl = url;
            return this;
        }

        /** A service-account key file's JSON; tokens with the {@code tagmanager.readonly} scope are fetched as needed. */
        public Builder serviceAccount(Secret keyJson) {
            this.tokens = GoogleTokens.serviceAccount(requireNonNull(keyJson, "keyJson"));
            return this;
        }

        /** A ready OAuth access token with the {@code tagmanager.readonly} scope. */
        public Builder accessToken(Secret token) {
            this.tokens = GoogleTokens.fixed(requireNonNull(token, "token"));
            return this;
        }

        public Builder http(HttpSettings settings) {
            this.http = requireNonNull(settings, "settings");
            return this;
        }

        /** The request rate to keep to (default 0.25, the API's per-user limit). */
        public Builder requestsPerSecond(double rate) {
            if (!(rate > 0) || Double.isInfinite(rate)) {
                throw new IllegalArgumentException("requestsPerSecond must be positive, got " + rate);
            }
            this.requestsPerSecond = rate;
            return this;
        }

        public Builder backoff(Backoff policy) {
            this.backoff = requireNonNull(policy, "policy");
            return this;
        }

        public Builder usage(UsageMeter meter) {
            this.usage = requireNonNull(meter, "meter");
            return this;
        }

        /** The clock and sleep used for rate limiting and backoff (tests pass a fake). */
        Builder ticker(RateLimiter.Ticker t) {
            this.ticker = requireNonNull(t, "ticker");
            return this;
        }

        public GtmApiClient build() {
            if (tokens == null) {
                throw new IllegalStateException("GtmApiClient needs serviceAccount(...) or accessToken(...)");
            }
            return new GtmApiClient(new TagManagerHttp(
                    HttpUrl.get(baseUrl),
                    tokens,
                    http,
                    new RateLimiter(requestsPerSecond, ticker),
                    backoff,
                    ticker,
                    usage));
        }
    }
}
