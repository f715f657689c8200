package io.sitelens.collector;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A stand-alone collector on the JDK's HTTP server: {@code POST /c} ingests a batch ({@code text/plain} body,
 * answered 204, or 400/403/413/415/429), {@code OPTIONS /c} answers CORS preflights for the sites' origins, and
 * {@code GET /sitelens.min.js} (and {@code /sitelens.js}) serves the tracker. The client address is passed to
 * the {@link Collector} and nowhere else; there is no access log.
 */
public final class CollectorServer implements AutoCloseable {
    /** The ingestion path. */
    public static final String PATH = "/c";

    private final HttpServer server;
    private final ExecutorService executor;
    private final Collector collector;
    private final byte[] minified = Tracker.minified();
    private final byte[] source = Tracker.source();

    private CollectorServer(Collector collector, HttpServer server, ExecutorService executor) {
        this.collector = collector;
        this.server = server;
        this.executor = executor;
    }

    /** Starts serving on {@code address} (port 0 picks a free port) with {@code threads} worker threads. */
    public static CollectorServer start(Collector collector, InetSocketAddress address, int threads) {
        requireNonNull(collector, "collector");
        requireNonNull(address, "address");
        HttpServer http;
        try {
            http = HttpServer.create(address, 128);
        } catch (IOException e) {
            throw new SitelensException(
                    ErrorCode.CONFIG_INVALID,
                    "collector: cannot listen on " + address + " (" + e.getMessage() + ")",
                    e);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "sitelens-collector-http");
            t.setDaemon(true);
            return t;
        });
        CollectorServer s = new CollectorServer(collector, http, pool);
        http.createContext("/", s::handle);
        http.setExecutor(pool);
        http.start();
        return s;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The ingestion URL on the loopback or bound address, for tags and tests. */
    public URI endpoint() {
        return URI.create("http://" + host() + ":" + port() + PATH);
    }

    /** The tracker's URL on this server. */
    public URI scriptUrl() {
        return URI.create("http://" + host() + ":" + port() + "/sitelens.min.js");
    }

    private String host() {
        var a = server.getAddress().getAddress();
        return a.isAnyLocalAddress() ? "127.0.0.1" : a.getHostAddress();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
            if (path.equals("/sitelens.min.js") || path.equals("/sitelens.js")) {
                if (!method.equals("GET") && !method.equals("HEAD")) {
                    answer(ex, 405, null);
                    return;
                }
                ex.getResponseHeaders().set("Content-Type", "application/javascript; charset=utf-8");
                ex.getResponseHeaders().set("Cache-Control", "public, max-age=3600");
                ex.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
                byte[] body = path.equals("/sitelens.js") ? source : minified;
                ex.sendResponseHeaders(200, method.equals("HEAD") ? -1 : body.length);
                if (!method.equals("HEAD")) {
                    try (OutputStream out = ex.getResponseBody()) {
                        out.write(body);
                    }
                }
                return;
            }
            if (!path.equals(PATH)) {
                answer(ex, 404, "not found");
                return;
            }
            cors(ex);
            if (method.equals("OPTIONS")) {
                ex.getResponseHeaders().set("Access-Control-Allow-Methods", "POST, OPTIONS");
                ex.getResponseHeaders().set("Access-Control-Allow-Headers", "Content-Type");
                ex.getResponseHeaders().set("Access-Control-Max-Age", "86400");
                answer(ex, 204, null);
                return;
            }
            if (!method.equals("POST")) {
                answer(ex, 405, "POST a batch");
                return;
            }
            String type = ex.getRequestHeaders().getFirst("Content-Type");
            if (type != null && !type.toLowerCase(Locale.ROOT).startsWith("text/plain")) {
                answer(ex, 415, "Content-Type must be text/plain");
                return;
            }
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readNBytes(io.sitelens.collector.internal.BatchParser.MAX_BODY_BYTES + 1);
            }
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            ex.getRequestHeaders().forEach((k, v) -> {
                if (!v.isEmpty()) {
                    headers.put(k, v.get(0));
                }
            });
            IngestResult r =
                    collector.ingest(body, headers, ex.getRemoteAddress().getAddress());
            answer(ex, r.status(), r.status() == 204 ? null : r.reason());
        }
    }

    private void cors(HttpExchange ex) {
        String origin = ex.getRequestHeaders().getFirst("Origin");
        ex.getResponseHeaders().add("Vary", "Origin");
        if (origin != null && collector.sites().values().stream().anyMatch(s -> s.allows(origin))) {
            ex.getResponseHeaders().set("Access-Control-Allow-Origin", origin);
        }
    }

    private static void answer(HttpExchange ex, int status, @Nullable String text) throws IOException {
        if (status >= 400) {
            // the request body may be unread (too large, wrong type): do not reuse the connection
            ex.getResponseHeaders().set("Connection", "close");
        }
        if (text == null || status == 204) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        byte[] b = (text + "\n").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    /** Stops accepting, waits up to a second for requests in flight. Does not close the collector. */
    @Override
    public void close() {
        server.stop(1);
        executor.shutdown();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
