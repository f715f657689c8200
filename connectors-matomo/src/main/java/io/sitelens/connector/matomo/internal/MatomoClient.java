package io.sitelens.connector.matomo.internal;

import static io.sitelens.connector.matomo.internal.MatomoErrors.PROVIDER;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
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
 * Talks to one Matomo over HTTP: every call is a {@code POST index.php} with {@code module=API},
 * {@code format=JSON}, {@code format_metrics=0} and the token in the form body (never in the URL), retried
 * with {@link Backoff} on 5xx, 429 and I/O failures, metered through the {@link UsageMeter}, and mapped to
 * {@link SitelensException}s whose messages never contain the token.
 */
public final class MatomoClient implements AutoCloseable {
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
    private @Nullable ExecutorService pool;

    public MatomoClient(
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

    /** How many HTTP requests this client has sent (retries included). */
    public long requestCount() {
        return requests.get();
    }

    public MatomoSettings settings() {
        return settings;
    }

    /** One call; Matomo's error answers throw. */
    public JsonNode call(ApiRequest request) {
        FormBody.Builder form = new FormBody.Builder(StandardCharsets.UTF_8)
                .add("module", "API")
                .add("method", request.method())
                .add("format", "JSON")
                .add("format_metrics", "0");
        request.params().forEach(form::add);
        return parseOne(post(form, request.method()), request.method());
    }

    /**
     * Runs sub-requests in as few HTTP requests as {@code bulkSize} allows ({@code API.getBulkRequest}); an error
     * inside a bulk answer fails that sub-request alone. Authentication and availability errors throw.
     */
    public List<BulkAnswer> bulk(List<ApiRequest> requests) {
        List<BulkAnswer> answers = new ArrayList<>(requests.size());
        bulk(requests, answers::add);
        return answers;
    }

    /**
     * Like {@link #bulk(List)}, handing each answer to {@code sink} in request order as soon as it is parsed, so
     * that only one sub-answer's tree is held at a time.
     */
    public void bulk(List<ApiRequest> requests, Consumer<BulkAnswer> sink) {
        int size = settings.bulkSize();
        List<List<ApiRequest>> chunks = new ArrayList<>();
        for (int from = 0; from < requests.size(); from += size) {
            chunks.add(requests.subList(from, Math.min(requests.size(), from + size)));
        }
        int parallel = settings.concurrency();
        if (parallel <= 1 || chunks.size() <= 1) {
            chunks.forEach(c -> deliver(c, fetch(c), sink));
            return;
        }
        // up to `concurrency` HTTP requests in flight; answers are still handed over in request order
        for (int from = 0; from < chunks.size(); from += parallel) {
            List<List<ApiRequest>> wave = chunks.subList(from, Math.min(chunks.size(), from + parallel));
            List<Future<Fetched>> futures = new ArrayList<>(wave.size());
            for (List<ApiRequest> c : wave) {
                futures.add(pool().submit(() -> fetch(c)));
            }
            try {
                for (int k = 0; k < wave.size(); k++) {
                    deliver(wave.get(k), await(futures.get(k)), sink);
                }
            } finally {
                futures.forEach(f -> f.cancel(true));
            }
        }
    }

    /** The raw answer to one chunk, or the error that stopped it. */
    private record Fetched(
            byte @Nullable [] bytes, @Nullable SitelensException error) {}

    private Fetched fetch(List<ApiRequest> chunk) {
        try {
            return new Fetched(post(form(chunk), what(chunk)), null);
        } catch (SitelensException e) {
            return new Fetched(null, e);
        }
    }

    private static Fetched await(Future<Fetched> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SitelensException(ErrorCode.CANCELLED, PROVIDER, "interrupted while waiting for Matomo", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new SitelensException(ErrorCode.INTERNAL, PROVIDER, "a Matomo request failed", e.getCause());
        }
    }

    private synchronized ExecutorService pool() {
        if (pool == null) {
            AtomicLong n = new AtomicLong();
            pool = Executors.newFixedThreadPool(settings.concurrency(), r -> {
                Thread t = new Thread(r, "sitelens-matomo-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
        return pool;
    }

    private static FormBody.Builder form(List<ApiRequest> chunk) {
        if (chunk.size() == 1) {
            ApiRequest only = chunk.get(0);
            FormBody.Builder form = new FormBody.Builder(StandardCharsets.UTF_8)
                    .add("module", "API")
                    .add("method", only.method())
                    .add("format", "JSON")
                    .add("format_metrics", "0");
            only.params().forEach(form::add);
            return form;
        }
        FormBody.Builder form = new FormBody.Builder(StandardCharsets.UTF_8)
                .add("module", "API")
                .add("method", "API.getBulkRequest")
                .add("format", "JSON")
                .add("format_metrics", "0");
        for (int i = 0; i < chunk.size(); i++) {
            form.add("urls[" + i + "]", ApiRequest.encode(chunk.get(i).bulkQueryString()));
        }
        return form;
    }

    private static String what(List<ApiRequest> chunk) {
        return chunk.size() == 1
                ? chunk.get(0).method()
                : "API.getBulkRequest(" + chunk.size() + " x " + chunk.get(0).method() + ")";
    }

    private void bulkChunk(List<ApiRequest> chunk, Consumer<BulkAnswer> sink) {
        deliver(chunk, fetch(chunk), sink);
    }

    /** Parses a chunk's answer and hands each sub-answer to {@code sink}; splits the chunk when Matomo ran out of memory. */
    private void deliver(List<ApiRequest> chunk, Fetched fetched, Consumer<BulkAnswer> sink) {
        String what = what(chunk);
        if (chunk.size() == 1) {
            ApiRequest only = chunk.get(0);
            BulkAnswer answer;
            try {
                if (fetched.error() != null) {
                    throw fetched.error();
                }
                answer = BulkAnswer.ok(only, parseOne(fetched.bytes(), what));
            } catch (SitelensException e) {
                if (!isAnswerLevel(e)) {
                    throw e;
                }
                answer = BulkAnswer.failed(only, e);
            }
            sink.accept(answer);
            return;
        }
        if (fetched.error() != null) {
            if (fetched.error().errorCode().equals(MatomoErrors.MEMORY_EXHAUSTED)) {
                splitChunk(chunk, sink);
                return;
            }
            throw fetched.error();
        }
        byte[] bytes = fetched.bytes();
        int i = 0;
        try (JsonParser p = JSON.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                try {
                    parseOne(bytes, what);
                } catch (SitelensException e) {
                    if (e.errorCode().equals(MatomoErrors.MEMORY_EXHAUSTED)) {
                        splitChunk(chunk, sink);
                        return;
                    }
                    throw e;
                }
                throw malformed(what, "expected an array of " + chunk.size() + " answers");
            }
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (i >= chunk.size()) {
                    throw malformed(what, "more answers than the " + chunk.size() + " sub-requests");
                }
                JsonNode item = JSON.readTree(p);
                ApiRequest sub = chunk.get(i++);
                if (isErrorObject(item)) {
                    SitelensException e = MatomoErrors.fromMessage(
                            settings.displayUrl(),
                            settings.siteId(),
                            sub.method(),
                            0,
                            scrub(item.path("message").asText("")));
                    if (e.errorCode().equals(ErrorCode.AUTHENTICATION_FAILED)) {
                        throw e;
                    }
                    sink.accept(BulkAnswer.failed(sub, e));
                } else {
                    sink.accept(BulkAnswer.ok(sub, item));
                }
            }
        } catch (IOException e) {
            throw malformed(
                    what, "the body is not a JSON array (" + e.getClass().getSimpleName() + ")");
        }
        if (i != chunk.size()) {
            throw malformed(what, i + " answers for " + chunk.size() + " sub-requests");
        }
    }

    /** The whole bulk was too heavy for Matomo: ask for each half on its own. */
    private void splitChunk(List<ApiRequest> chunk, Consumer<BulkAnswer> sink) {
        int half = chunk.size() / 2;
        bulkChunk(chunk.subList(0, half), sink);
        bulkChunk(chunk.subList(half, chunk.size()), sink);
    }

    static boolean isAnswerLevel(SitelensException e) {
        ErrorCode c = e.errorCode();
        return c.equals(ErrorCode.EXTERNAL_REJECTED)
                || c.equals(MatomoErrors.UNKNOWN_METHOD)
                || c.equals(MatomoErrors.MEMORY_EXHAUSTED)
                || c.equals(ErrorCode.EXTERNAL_MALFORMED);
    }

    static boolean isErrorObject(JsonNode n) {
        return n != null && n.isObject() && "error".equals(n.path("result").asText(null));
    }

    private byte[] post(FormBody.Builder form, String what) {
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

    /** A 2xx body as one JSON value; Matomo's error objects and PHP fatal errors throw. */
    private JsonNode parseOne(byte[] bytes, String what) {
        JsonNode node;
        try {
            node = JSON.readTree(bytes);
        } catch (IOException e) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (MatomoErrors.isMemoryMessage(text)) {
                throw MatomoErrors.fromMessage(settings.displayUrl(), settings.siteId(), what, 200, messageOf(text));
            }
            throw malformed(what, "the body is not JSON (" + describe(bytes) + ")");
        }
        if (node == null || node.isMissingNode()) {
            throw malformed(what, "the body is empty");
        }
        if (isErrorObject(node)) {
            throw MatomoErrors.fromMessage(
                    settings.displayUrl(),
                    settings.siteId(),
                    what,
                    0,
                    scrub(node.path("message").asText("")));
        }
        return node;
    }

    private static String describe(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.UTF_8)
                .trim()
                .toLowerCase(java.util.Locale.ROOT);
        return head.startsWith("<") ? "an HTML page, perhaps a login or error page" : bytes.length + " bytes";
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

    private SitelensException malformed(String what, String problem) {
        return new SitelensException(
                ErrorCode.EXTERNAL_MALFORMED,
                PROVIDER,
                "Matomo at " + settings.displayUrl() + " answered " + what + " with something unexpected: " + problem,
                null);
    }

    /** Matomo's message from an error body (JSON or not), shortened and without the token. */
    private String messageOf(String text) {
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
        synchronized (this) {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Override
    public String toString() {
        return "MatomoClient[" + settings.displayUrl() + ", site " + settings.siteId() + "]";
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
