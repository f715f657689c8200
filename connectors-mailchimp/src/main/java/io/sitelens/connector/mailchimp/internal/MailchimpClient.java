package io.sitelens.connector.mailchimp.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitelens.ErrorCode;
import io.sitelens.RateLimitedException;
import io.sitelens.SitelensException;
import io.sitelens.connector.mailchimp.MailchimpConfig;
import io.sitelens.spi.Backoff;
import io.sitelens.spi.HttpSettings;
import io.sitelens.spi.UsageMeter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.TimeUnit;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * The HTTP transport to the Mailchimp Marketing API: basic auth with the key as password (in a header, never in
 * a URL), timeouts on every call, bounded backoff on 429 and 5xx honouring {@code Retry-After}, one usage record
 * per attempt, and errors mapped to {@link SitelensException}s that name the data centre and the call (with the
 * subscriber hash and any address replaced by placeholders), never the key.
 */
final class MailchimpClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
    private static final long MAX_BODY_BYTES = 4L << 20;
    /** One base client per JVM; each handler derives its own through {@code newBuilder()}, sharing the pool. */
    private static final OkHttpClient BASE = new OkHttpClient();

    /** A reply: the HTTP status and the parsed JSON body (null for 204 and for 404). */
    record Reply(int code, @Nullable JsonNode body) {
        boolean notFound() {
            return code == 404;
        }
    }

    private final MailchimpConfig config;
    private final OkHttpClient http;
    private final Backoff backoff;
    private final UsageMeter usage;
    private final Clock clock;
    private final Logger log;
    private final String userAgent;
    private volatile @Nullable String authorization;

    MailchimpClient(MailchimpConfig config, HttpSettings settings, UsageMeter usage, Clock clock, Logger log) {
        this.config = requireNonNull(config, "config");
        this.usage = requireNonNull(usage, "usage");
        this.clock = requireNonNull(clock, "clock");
        this.log = requireNonNull(log, "log");
        this.backoff = config.backoff(settings);
        this.userAgent = settings.userAgent();
        OkHttpClient.Builder b = BASE.newBuilder()
                .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .callTimeout(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
                // we retry ourselves (bounded, metered); redirects would be a misconfigured baseUrl
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false);
        if (settings.proxy() != null) {
            b.proxy(new Proxy(Proxy.Type.HTTP, settings.proxy()));
        }
        this.http = b.build();
    }

    /** The API root as an OkHttp URL. */
    HttpUrl root() {
        HttpUrl url = HttpUrl.parse(config.apiRoot().toString());
        if (url == null) {
            throw config.invalid(MailchimpConfig.BASE_URL, "is not a URL OkHttp accepts");
        }
        return url;
    }

    String dataCentre() {
        return config.dataCentre();
    }

    Backoff backoff() {
        return backoff;
    }

    /**
     * Runs one call with retries. {@code label} names the call in logs and errors ({@code GET lists/{id}/members/{hash}})
     * and must not carry the subject's address or hash. 2xx and 404 are returned; other answers throw.
     */
    Reply call(String method, HttpUrl url, @Nullable JsonNode body, String label) {
        Request.Builder rb = new Request.Builder()
                .url(url)
                .header("Authorization", authorization())
                .header("Accept", "application/json")
                .header("User-Agent", userAgent);
        RequestBody payload = null;
        if (body != null) {
            payload = RequestBody.create(body.toString(), JSON_TYPE);
        } else if (method.equals("POST") || method.equals("PATCH") || method.equals("PUT")) {
            payload = RequestBody.create(new byte[0], JSON_TYPE);
        }
        Request request = rb.method(method, payload).build();

        for (int attempt = 1; ; attempt++) {
            usage.apiCall();
            Duration retryAfter = null;
            String problem;
            ErrorCode exhausted;
            try (Response response = http.newCall(request).execute()) {
                int code = response.code();
                log.debug(
                        "mailchimp {}: {} -> HTTP {} (attempt {} of {})",
                        config.bindingId(),
                        label,
                        code,
                        attempt,
                        backoff.maxAttempts());
                if (code >= 200 && code < 300) {
                    return new Reply(code, readJson(response, label));
                }
                if (code == 404) {
                    return new Reply(404, null);
                }
                String title = problemTitle(response);
                if (code == 401) {
                    throw new SitelensException(
                            ErrorCode.AUTHENTICATION_FAILED,
                            MailchimpConfig.PROVIDER_ID,
                            "binding '" + config.bindingId() + "': Mailchimp data centre " + dataCentre()
                                    + " refused the API key (HTTP 401" + title + ") on " + label
                                    + "; check secret '" + MailchimpConfig.API_KEY
                                    + "' and that its suffix names the account's data centre",
                            null);
                }
                if (code == 403) {
                    throw new SitelensException(
                            ErrorCode.PERMISSION_DENIED,
                            MailchimpConfig.PROVIDER_ID,
                            "binding '" + config.bindingId() + "': data centre " + dataCentre()
                                    + " denied " + label + " (HTTP 403" + title
                                    + "); the key's user needs Manager or Admin access to the audience",
                            null);
                }
                if (code != 429 && code < 500) {
                    throw new SitelensException(
                            ErrorCode.EXTERNAL_REJECTED,
                            MailchimpConfig.PROVIDER_ID,
                            "binding '" + config.bindingId() + "': Mailchimp rejected " + label + " (HTTP " + code
                                    + title + ")",
                            null);
                }
                retryAfter = retryAfter(response.header("Retry-After"));
                problem = "HTTP " + code + title;
                exhausted = code == 429 ? ErrorCode.RATE_LIMITED : ErrorCode.EXTERNAL_UNAVAILABLE;
            } catch (IOException e) {
                problem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                exhausted = e instanceof InterruptedIOException
                        ? ErrorCode.EXTERNAL_TIMEOUT
                        : ErrorCode.EXTERNAL_UNAVAILABLE;
            }
            boolean waitTooLong = retryAfter != null && retryAfter.compareTo(backoff.max()) > 0;
            if (!backoff.allowsAnotherAfter(attempt) || waitTooLong) {
                String message = "binding '" + config.bindingId() + "': " + label + " on data centre "
                        + dataCentre() + " failed with " + problem + " after " + attempt
                        + (attempt == 1 ? " attempt" : " attempts")
                        + (waitTooLong ? "; Mailchimp asked to wait " + retryAfter.toSeconds() + " s" : "");
                if (exhausted == ErrorCode.RATE_LIMITED) {
                    throw new RateLimitedException(exhausted, MailchimpConfig.PROVIDER_ID, message, retryAfter, null);
                }
                throw new SitelensException(exhausted, MailchimpConfig.PROVIDER_ID, message, null);
            }
            Duration wait = backoff.delay(attempt, retryAfter);
            log.warn(
                    "mailchimp {}: {} failed with {}; retrying in {} ms (attempt {} of {})",
                    config.bindingId(),
                    label,
                    problem,
                    wait.toMillis(),
                    attempt,
                    backoff.maxAttempts());
            sleep(wait);
        }
    }

    private String authorization() {
        String value = authorization;
        if (value == null) {
            value = Credentials.basic("sitelens", config.apiKey().reveal());
            authorization = value;
        }
        return value;
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SitelensException(
                    ErrorCode.CANCELLED, MailchimpConfig.PROVIDER_ID, "interrupted while backing off", e);
        }
    }

    /** Reads and parses the body; an I/O error while reading propagates (and is retried), bad JSON does not. */
    private @Nullable JsonNode readJson(Response response, String label) throws IOException {
        byte[] bytes = readBounded(response, label);
        if (bytes.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new SitelensException(
                    ErrorCode.EXTERNAL_MALFORMED,
                    MailchimpConfig.PROVIDER_ID,
                    "binding '" + config.bindingId() + "': " + label + " answered with a body that is not JSON",
                    null);
        }
    }

    private byte[] readBounded(Response response, String label) throws IOException {
        BufferedSource source = response.body().source();
        if (source.request(MAX_BODY_BYTES + 1)) {
            throw new SitelensException(
                    ErrorCode.EXTERNAL_MALFORMED,
                    MailchimpConfig.PROVIDER_ID,
                    "binding '" + config.bindingId() + "': " + label + " answered with more than "
                            + (MAX_BODY_BYTES >> 20) + " MiB",
                    null);
        }
        return source.readByteArray();
    }

    /**
     * {@code ": <title>"} from Mailchimp's problem document, or empty. Only the title: the {@code detail} text can
     * echo the member's address ("x@y is already a list member"), so it never reaches a message.
     */
    private String problemTitle(Response response) {
        try {
            byte[] bytes = readBounded(response, "error body");
            if (bytes.length == 0) {
                return "";
            }
            JsonNode node = JSON.readTree(bytes);
            String title = node.path("title").asText("");
            title = title.replaceAll("[^A-Za-z0-9 .,'()-]", "").trim();
            return title.isEmpty() ? "" : ": " + (title.length() > 80 ? title.substring(0, 80) : title);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private @Nullable Duration retryAfter(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String v = header.trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(clock.instant(), at.toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }
}
