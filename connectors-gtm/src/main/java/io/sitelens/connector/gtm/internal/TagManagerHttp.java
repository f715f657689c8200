package io.sitelens.connector.gtm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitelens.ErrorCode;
import io.sitelens.RateLimitedException;
import io.sitelens.SitelensException;
import io.sitelens.model.UsageKind;
import io.sitelens.spi.Backoff;
import io.sitelens.spi.HttpSettings;
import io.sitelens.spi.UsageMeter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * GET requests to the Tag Manager API v2 over OkHttp: bearer auth, the API's rate limit, retries with
 * {@link Backoff} on rate errors (429, 403 {@code rateLimitExceeded} / {@code userRateLimitExceeded}) and 5xx,
 * {@code pageToken} paging, bounded response sizes, and errors mapped to {@link SitelensException}s.
 */
public final class TagManagerHttp implements AutoCloseable {
    public static final String SCOPE = "https://www.googleapis.com/auth/tagmanager.readonly";
    static final long MAX_BODY_BYTES = 32L * 1024 * 1024;
    static final int MAX_PAGES = 1000;
    private static final Set<String> RATE_REASONS = Set.of("rateLimitExceeded", "userRateLimitExceeded");

    private final OkHttpClient client;
    private final HttpUrl base;
    private final Supplier<String> token;
    private final RateLimiter limiter;
    private final Backoff backoff;
    private final RateLimiter.Ticker ticker;
    private final UsageMeter usage;
    private final Duration callTimeout;

    public TagManagerHttp(
            HttpUrl base,
            Supplier<String> token,
            HttpSettings http,
            RateLimiter limiter,
            Backoff backoff,
            RateLimiter.Ticker ticker,
            UsageMeter usage) {
        this.base = base;
        this.token = token;
        this.limiter = limiter;
        this.backoff = backoff;
        this.ticker = ticker;
        this.usage = usage;
        this.callTimeout = http.callTimeout();
        OkHttpClient.Builder b = new OkHttpClient.Builder()
                .connectTimeout(http.connectTimeout())
                .readTimeout(http.readTimeout())
                .callTimeout(http.callTimeout())
                .followRedirects(false)
                .addInterceptor(chain -> chain.proceed(chain.request()
                        .newBuilder()
                        .header("User-Agent", http.userAgent())
                        .build()));
        if (http.proxy() != null) {
            b.proxy(new Proxy(Proxy.Type.HTTP, http.proxy()));
        }
        this.client = b.build();
    }

    public HttpUrl base() {
        return base;
    }

    /** Every item of the list field {@code field} across all pages of {@code path}. */
    public List<JsonNode> list(String path, String field) {
        List<JsonNode> out = new ArrayList<>();
        String pageToken = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            HttpUrl.Builder url = url(path).newBuilder();
            if (pageToken != null) {
                url.addQueryParameter("pageToken", pageToken);
            }
            JsonNode body = get(url.build());
            JsonNode items = body.get(field);
            if (items != null && items.isArray()) {
                items.forEach(out::add);
            } else if (items != null && !items.isNull()) {
                throw malformed(path, "\"" + field + "\" is not a list");
            }
            JsonNode next = body.get("nextPageToken");
            if (next == null || next.isNull() || next.asText().isEmpty()) {
                return out;
            }
            if (next.asText().equals(pageToken)) {
                throw malformed(path, "the API returned the same pageToken twice");
            }
            pageToken = next.asText();
        }
        throw malformed(path, "more than " + MAX_PAGES + " pages");
    }

    public JsonNode get(String path) {
        return get(url(path));
    }

    HttpUrl url(String path) {
        HttpUrl u = base.resolve(path);
        if (u == null) {
            throw new IllegalArgumentException("bad API path " + path);
        }
        return u;
    }

    private JsonNode get(HttpUrl url) {
        String what = url.encodedPath();
        long started = ticker.nanoTime();
        for (int attempt = 1; ; attempt++) {
            try {
                limiter.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SitelensException(ErrorCode.CANCELLED, "gtm", "interrupted before GET " + what, e);
            }
            Request request = new Request.Builder()
                    .url(url)
                    .header("Authorization", "Bearer " + token.get())
                    .header("Accept", "application/json")
                    .build();
            usage.apiCall();
            usage.record(UsageKind.QUOTA_TOKENS, 1);
            Failure failure;
            try (Response response = client.newCall(request).execute()) {
                String body = readLimited(response.body(), what);
                if (response.isSuccessful()) {
                    return parse(body, what);
                }
                failure = classify(response.code(), body, retryAfter(response), what);
            } catch (InterruptedIOException e) {
                failure = new Failure(
                        new SitelensException(ErrorCode.EXTERNAL_TIMEOUT, "gtm", "GET " + what + " timed out", e),
                        true);
            } catch (IOException e) {
                failure = new Failure(
                        new SitelensException(
                                ErrorCode.EXTERNAL_UNAVAILABLE, "gtm", "GET " + what + " failed: " + e.getMessage(), e),
                        true);
            }
            if (!failure.retry() || !backoff.allowsAnotherAfter(attempt)) {
                throw failure.error();
            }
            Duration wait =
                    backoff.delay(attempt, failure.error() instanceof RateLimitedException r ? r.retryAfter() : null);
            Duration spent = Duration.ofNanos(ticker.nanoTime() - started);
            if (spent.plus(wait).compareTo(callTimeout) > 0) {
                throw failure.error(); // the call timeout covers the retries of one request too
            }
            try {
                ticker.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure.error();
            }
        }
    }

    private record Failure(SitelensException error, boolean retry) {}

    private static Failure classify(int code, String body, @Nullable Duration retryAfter, String what) {
        String message = googleMessage(body);
        String reason = googleReason(body);
        String text = "GET " + what + " answered HTTP " + code + (message.isEmpty() ? "" : ": " + message);
        if (code == 429 || (code == 403 && RATE_REASONS.contains(reason))) {
            return new Failure(new RateLimitedException(ErrorCode.RATE_LIMITED, "gtm", text, retryAfter, null), true);
        }
        if (code == 403 && ("quotaExceeded".equals(reason) || "dailyLimitExceeded".equals(reason))) {
            return new Failure(new RateLimitedException(ErrorCode.QUOTA_EXHAUSTED, "gtm", text, null, null), false);
        }
        if (code >= 500) {
            return new Failure(new SitelensException(ErrorCode.EXTERNAL_UNAVAILABLE, "gtm", text, null), true);
        }
        ErrorCode ec =
                switch (code) {
                    case 401 -> ErrorCode.AUTHENTICATION_FAILED;
                    case 403 -> ErrorCode.PERMISSION_DENIED;
                    case 404 -> ErrorCode.NOT_FOUND;
                    default -> ErrorCode.EXTERNAL_REJECTED;
                };
        return new Failure(new SitelensException(ec, "gtm", text, null), false);
    }

    private static String googleMessage(String body) {
        try {
            JsonNode n = ContainerReader.mapper().readTree(body);
            return n == null ? "" : n.path("error").path("message").asText("");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static String googleReason(String body) {
        try {
            JsonNode n = ContainerReader.mapper().readTree(body);
            if (n == null) {
                return "";
            }
            JsonNode errors = n.path("error").path("errors");
            if (errors.isArray() && !errors.isEmpty()) {
                return errors.get(0).path("reason").asText("");
            }
            for (JsonNode d : n.path("error").path("details")) {
                if (d.hasNonNull("reason")) {
                    String r = d.get("reason").asText();
                    return r.equals("RATE_LIMIT_EXCEEDED") ? "rateLimitExceeded" : r;
                }
            }
            return "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static @Nullable Duration retryAfter(Response r) {
        String v = r.header("Retry-After");
        if (v == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(v.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String readLimited(@Nullable ResponseBody body, String what) throws IOException {
        if (body == null) {
            return "";
        }
        BufferedSource source = body.source();
        if (source.request(MAX_BODY_BYTES + 1)) {
            throw new SitelensException(
                    ErrorCode.EXTERNAL_MALFORMED,
                    "gtm",
                    "GET " + what + " returned more than " + MAX_BODY_BYTES + " bytes",
                    null);
        }
        return source.readString(StandardCharsets.UTF_8);
    }

    private static JsonNode parse(String body, String what) {
        try {
            JsonNode n = ContainerReader.mapper().readTree(body);
            if (n == null || !n.isObject()) {
                throw malformed(what, "the body is not a JSON object");
            }
            return n;
        } catch (IOException e) {
            throw new SitelensException(
                    ErrorCode.EXTERNAL_MALFORMED,
                    "gtm",
                    "GET " + what + " returned invalid JSON: " + e.getMessage(),
                    e);
        }
    }

    private static SitelensException malformed(String what, String problem) {
        return new SitelensException(ErrorCode.EXTERNAL_MALFORMED, "gtm", "GET " + what + ": " + problem, null);
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
