package io.sitelens.connector.matomo.internal;

import static io.sitelens.connector.matomo.internal.MatomoErrors.PROVIDER;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.model.Secret;
import io.sitelens.spi.HttpSettings;
import io.sitelens.spi.UsageMeter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import okhttp3.FormBody;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * Calls Matomo's Reporting API: every call is a {@code POST index.php} with {@code module=API},
 * {@code format=JSON}, {@code format_metrics=0} and the token in the form body (never in the URL; see
 * {@link MatomoHttp} for retries, metering and HTTP errors). Sub-requests travel in {@code API.getBulkRequest}s,
 * up to {@code concurrency} at once, and Matomo's error answers become {@link SitelensException}s.
 */
public final class MatomoClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MatomoSettings settings;
    private final MatomoHttp http;
    private @Nullable ExecutorService pool;

    public MatomoClient(
            MatomoSettings settings,
            HttpSettings httpSettings,
            Supplier<Secret> token,
            @Nullable Supplier<Secret> basicAuthPassword,
            UsageMeter usage,
            Logger log) {
        this.settings = settings;
        this.http = new MatomoHttp(settings, httpSettings, token, basicAuthPassword, usage, log);
    }

    /** How many HTTP requests this client has sent (retries included). */
    public long requestCount() {
        return http.requestCount();
    }

    public MatomoSettings settings() {
        return settings;
    }

    /** One call; Matomo's error answers throw. */
    public JsonNode call(ApiRequest request) {
        return parseOne(http.post(form(List.of(request)), request.method()), request.method());
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
            return new Fetched(http.post(form(chunk), what(chunk)), null);
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
                            http.scrub(item.path("message").asText("")));
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

    /** A 2xx body as one JSON value; Matomo's error objects and PHP fatal errors throw. */
    private JsonNode parseOne(byte[] bytes, String what) {
        JsonNode node;
        try {
            node = JSON.readTree(bytes);
        } catch (IOException e) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (MatomoErrors.isMemoryMessage(text)) {
                throw MatomoErrors.fromMessage(
                        settings.displayUrl(), settings.siteId(), what, 200, http.messageOf(text));
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
                    http.scrub(node.path("message").asText("")));
        }
        return node;
    }

    private static String describe(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.UTF_8)
                .trim()
                .toLowerCase(java.util.Locale.ROOT);
        return head.startsWith("<") ? "an HTML page, perhaps a login or error page" : bytes.length + " bytes";
    }

    private SitelensException malformed(String what, String problem) {
        return new SitelensException(
                ErrorCode.EXTERNAL_MALFORMED,
                PROVIDER,
                "Matomo at " + settings.displayUrl() + " answered " + what + " with something unexpected: " + problem,
                null);
    }

    @Override
    public void close() {
        synchronized (this) {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        http.close();
    }

    @Override
    public String toString() {
        return "MatomoClient[" + settings.displayUrl() + ", site " + settings.siteId() + "]";
    }
}
