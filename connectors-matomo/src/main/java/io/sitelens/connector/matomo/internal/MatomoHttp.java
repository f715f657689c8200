package io.sitelens.connector.matomo.internal;

import static io.sitelens.connector.matomo.internal.MatomoErrors.PROVIDER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitelens.ErrorCode;
import io.sitelens.RateLimitedException;
import io.sitelens.SitelensException;
import io.sitelens.model.Secret;
import io.sitelens.model.UsageKind;
import io.sitelens.spi.Backoff;
import io.sitelens.spi.HttpSettings;
import io.sitelens.spi.UsageMeter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * The HTTP side of {@link MatomoClient}: sends one form as {@code POST index.php} with the token added to the
 * body (never the URL), retries 5xx, 429 and I/O failures with {@link Backoff}, meters every attempt, and turns
 * every non-2xx answer into a {@link SitelensException} whose message never contains a secret.
 */
final class MatomoHttp implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MatomoSettings settings;
    private final Supplier<Secret> token;
    private final @Nullable Supplier<Secret> basicAuthPassword;
    private final OkHttpClient http;
    private final UsageMeter usage;
    private final Logger log;
    private final Backoff backoff;
    private final String userAgent;
    private final AtomicLong requests = new AtomicLong();

    MatomoHttp(
            MatomoSettings settings,
            HttpSettings httpSettings,
            Supplier<Secret> token,
            @Nullable Supplier<Secret> basicAuthPassword,
            UsageMeter usage,
            Logger log) {
        this.settings = settings;
        this.token = token;
        this.basicAuthPassword = basicAuthPassword;
        this.usage = usage;
        this.log = log;
        this.userAgent = httpSettings.userAgent();
        Duration base = settings.retryBaseDelay();
        this.backoff =
                new Backoff(base, base.multipliedBy(60).plusSeconds(base.isZero() ? 0 : 1), settings.maxAttempts());
        OkHttpClient.Builder b = new OkHttpClient.Builder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .callTimeout(settings.callTimeout())
                // a redirected POST turns into a GET without the token; say so instead of following it
                .followRedirects(false)
                .followSslRedirects(false);
        if (httpSettings.proxy() != null) {
            b.proxy(new Proxy(Proxy.Type.HTTP, httpSettings.proxy()));
        }
        this.http = b.build();
    }

    long requestCount() {
        return requests.get();
    }

    /** The 2xx body of {@code form} POSTed to the endpoint; everything else throws. */
    byte[] post(FormBody.Builder form, String what) {
        SitelensException last = null;
        for (int attempt = 1; ; attempt++) {
            Duration retryAfter = null;
            try {
                return once(form, what);
            } catch (RetryableFailure f) {
                last = f.error;
                retryAfter = f.retryAfter;
            }
            if (!backoff.allowsAnotherAfter(attempt)) {
                throw last;
            }
            Duration wait = backoff.delay(attempt, retryAfter);
            log.warn(
                    "matomo: {} (attempt {}/{}); retrying in {} ms",
                    last.getMessage(),
                    attempt,
                    backoff.maxAttempts(),
                    wait.toMillis());
            sleep(wait);
        }
    }

    private byte[] once(FormBody.Builder form, String what) throws RetryableFailure {
        Secret tok = token.get();
        FormBody body = form.build();
        FormBody.Builder withToken = new FormBody.Builder(StandardCharsets.UTF_8);
        for (int i = 0; i < body.size(); i++) {
            withToken.addEncoded(body.encodedName(i), body.encodedValue(i));
        }
        withToken.add("token_auth", tok.reveal());
        Request.Builder rb = new Request.Builder()
                .url(settings.endpoint())
                .header("User-Agent", userAgent)
                .header("Accept", "application/json")
                .post(withToken.build());
        if (settings.basicAuthUser() != null && basicAuthPassword != null) {
            rb.header(
                    "Authorization",
                    Credentials.basic(
                            settings.basicAuthUser(), basicAuthPassword.get().reveal(), StandardCharsets.UTF_8));
        }
        long started = System.nanoTime();
        requests.incrementAndGet();
        usage.apiCall();
        int status;
        byte[] bytes;
        Duration retryAfter;
        try (Response response = http.newCall(rb.build()).execute()) {
            status = response.code();
            retryAfter = retryAfter(response.header("Retry-After"));
            bytes = read(response.body(), what);
        } catch (InterruptedIOException e) {
            throw new RetryableFailure(
                    new SitelensException(
                            ErrorCode.EXTERNAL_TIMEOUT,
                            PROVIDER,
                            "Matomo at " + settings.displayUrl() + " did not answer " + what + " in time ("
                                    + e.getClass().getSimpleName() + ")",
                            null),
                    null);
        } catch (IOException e) {
            throw new RetryableFailure(
                    new SitelensException(
                            ErrorCode.EXTERNAL_UNAVAILABLE,
                            PROVIDER,
                            "Matomo at " + settings.displayUrl() + " could not be reached for " + what + ": "
                                    + scrub(String.valueOf(e.getMessage())),
                            null),
                    null);
        }
        usage.record(UsageKind.BYTES_FETCHED, bytes.length);
        log.debug(
                "matomo: POST {} {} -> HTTP {}, {} bytes, {} ms",
                settings.endpoint(),
                what,
                status,
                bytes.length,
                (System.nanoTime() - started) / 1_000_000);
        if (status >= 200 && status < 300) {
            return bytes;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (status >= 300 && status < 400) {
            throw new SitelensException(
                    ErrorCode.CONFIG_INVALID,
                    PROVIDER,
                    "Matomo at " + settings.displayUrl() + " redirected (HTTP " + status
                            + "); set baseUrl to the final Matomo URL (https, with or without www)",
                    null);
        }
        if (status == 401 || status == 403) {
            throw MatomoErrors.authentication(settings.displayUrl(), settings.siteId(), status, messageOf(text));
        }
        if (status == 429) {
            throw new RetryableFailure(
                    new RateLimitedException(
                            ErrorCode.RATE_LIMITED,
                            PROVIDER,
                            "Matomo at " + settings.displayUrl() + " asked to slow down (HTTP 429) on " + what,
                            retryAfter,
                            null),
                    retryAfter);
        }
        if (status >= 500) {
            if (MatomoErrors.isMemoryMessage(text)) {
                throw MatomoErrors.fromMessage(settings.displayUrl(), settings.siteId(), what, status, messageOf(text));
            }
            throw new RetryableFailure(
                    new SitelensException(
                            ErrorCode.EXTERNAL_UNAVAILABLE,
                            PROVIDER,
                            "Matomo at " + settings.displayUrl() + " failed on " + what + " (HTTP " + status + ")",
                            null),
                    retryAfter);
        }
        throw MatomoErrors.fromMessage(settings.displayUrl(), settings.siteId(), what, status, messageOf(text));
    }

    private byte[] read(@Nullable ResponseBody body, String what) throws IOException {
        if (body == null) {
            return new byte[0];
        }
        long max = settings.maxResponseBytes();
        if (body.contentLength() > max) {
            throw tooLarge(what, max);
        }
        BufferedSource source = body.source();
        if (source.request(max + 1)) {
            throw tooLarge(what, max);
        }
        return source.readByteArray();
    }

    private SitelensException tooLarge(String what, long max) {
        return new SitelensException(
                ErrorCode.EXTERNAL_MALFORMED,
                PROVIDER,
                "Matomo at " + settings.displayUrl() + " answered " + what + " with more than " + max
                        + " bytes; lower pageSize, windowDays or bulkSize, or raise maxResponseBytes",
                null);
    }

    /** Matomo's message from an error body (JSON or not), shortened and without the token. */
    String messageOf(String text) {
        String m = text;
        try {
            JsonNode n = JSON.readTree(text);
            if (n != null && n.hasNonNull("message")) {
                m = n.get("message").asText();
            }
        } catch (IOException | RuntimeException e) {
            m = text.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
        }
        if (m.length() > 300) {
            m = m.substring(0, 300) + "…";
        }
        return scrub(m);
    }

    /** Removes the token (and the basic-auth password) from text that came from the server or the network. */
    String scrub(String text) {
        String out = text;
        for (Supplier<Secret> s : basicAuthPassword == null ? List.of(token) : List.of(token, basicAuthPassword)) {
            String v;
            try {
                v = s.get().reveal();
            } catch (RuntimeException e) {
                continue;
            }
            if (v.length() >= 4) {
                out = out.replace(v, "****").replace(ApiRequest.encode(v), "****");
            }
        }
        return out;
    }

    private static @Nullable Duration retryAfter(@Nullable String header) {
        if (header == null) {
            return null;
        }
        try {
            long s = Long.parseLong(header.trim());
            return s >= 0 ? Duration.ofSeconds(Math.min(s, 3600)) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void sleep(Duration d) {
        try {
            TimeUnit.MILLISECONDS.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SitelensException(ErrorCode.CANCELLED, PROVIDER, "interrupted while waiting to retry", e);
        }
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** A failure another attempt may cure. */
    private static final class RetryableFailure extends Exception {
        private static final long serialVersionUID = 1L;
        final transient SitelensException error;
        final transient @Nullable Duration retryAfter;

        RetryableFailure(SitelensException error, @Nullable Duration retryAfter) {
            super(null, null, false, false);
            this.error = error;
            this.retryAfter = retryAfter;
        }
    }
}
