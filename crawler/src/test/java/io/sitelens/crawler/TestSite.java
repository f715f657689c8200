package io.sitelens.crawler;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/** A real local HTTP(S) server (the JDK's) serving crafted routes or a directory, counting requests per path. */
final class TestSite implements AutoCloseable {
    /** What a route answers. */
    record Answer(int status, Map<String, String> headers, byte[] body, long delayMs, boolean drop) {
        static Answer html(String html) {
            return new Answer(
                    200,
                    Map.of("Content-Type", "text/html; charset=utf-8"),
                    html.getBytes(StandardCharsets.UTF_8),
                    0,
                    false);
        }

        static Answer of(int status, String contentType, byte[] body) {
            return new Answer(status, Map.of("Content-Type", contentType), body, 0, false);
        }

        static Answer redirect(int status, String location) {
            return new Answer(status, Map.of("Location", location), new byte[0], 0, false);
        }

        Answer withHeaders(Map<String, String> more) {
            Map<String, String> h = new java.util.HashMap<>(headers);
            h.putAll(more);
            return new Answer(status, h, body, delayMs, drop);
        }

        Answer delayed(long ms) {
            return new Answer(status, headers, body, ms, drop);
        }

        static Answer dropped() {
            return new Answer(0, Map.of(), new byte[0], 0, true);
        }
    }

    /** A route handler: path (with query) to answer, or null for 404. */
    interface Routes {
        Answer answer(String pathAndQuery);
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    final AtomicInteger total = new AtomicInteger();

    private TestSite(HttpServer server, Routes routes) {
        this.server = server;
        server.createContext("/", ex -> handle(ex, routes));
        server.setExecutor(executor);
        server.start();
    }

    static TestSite start(String address, Routes routes) throws IOException {
        return start(address, 0, routes);
    }

    static TestSite start(String address, int port, Routes routes) throws IOException {
        return new TestSite(HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), port), 0), routes);
    }

    static TestSite startHttps(String address, SSLContext ssl, Routes routes) throws IOException {
        HttpsServer s = HttpsServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 0);
        s.setHttpsConfigurator(new HttpsConfigurator(ssl));
        return new TestSite(s, routes);
    }

    /** Serves the files of {@code root}; {@code /} serves index.html. */
    static TestSite directory(Path root) throws IOException {
        return start("127.0.0.1", path -> {
            String p = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
            if (p.endsWith("/")) {
                p += "index.html";
            }
            Path file = root.resolve(p.substring(1)).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                return Answer.of(
                        404, "text/html", "<html><title>Not found</title></html>".getBytes(StandardCharsets.UTF_8));
            }
            try {
                String name = file.getFileName().toString();
                String type = name.endsWith(".html")
                        ? "text/html"
                        : name.endsWith(".css")
                                ? "text/css"
                                : name.endsWith(".svg") ? "image/svg+xml" : "application/octet-stream";
                return Answer.of(200, type, Files.readAllBytes(file));
            } catch (IOException e) {
                return Answer.of(500, "text/plain", new byte[0]);
            }
        });
    }

    int port() {
        return server.getAddress().getPort();
    }

    String host() {
        String h = server.getAddress().getAddress().getHostAddress();
        return h.contains(":") ? "[" + h + "]" : h;
    }

    String url(String path) {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return scheme + "://" + host() + ":" + port() + path;
    }

    int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    List<String> paths() {
        return List.copyOf(hits.keySet());
    }

    private void handle(HttpExchange ex, Routes routes) throws IOException {
        String raw = ex.getRequestURI().getRawPath()
                + (ex.getRequestURI().getRawQuery() == null
                        ? ""
                        : "?" + ex.getRequestURI().getRawQuery());
        hits.computeIfAbsent(raw, k -> new AtomicInteger()).incrementAndGet();
        total.incrementAndGet();
        try {
            Answer a = routes.answer(raw);
            if (a == null) {
                a = Answer.of(
                        404, "text/html", "<html><title>Not found</title></html>".getBytes(StandardCharsets.UTF_8));
            }
            if (a.drop()) {
                ex.close();
                return;
            }
            if (a.delayMs() > 0) {
                Thread.sleep(a.delayMs());
            }
            a.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            boolean head = "HEAD".equals(ex.getRequestMethod());
            ex.sendResponseHeaders(a.status(), head || a.body().length == 0 ? -1 : a.body().length);
            if (!head && a.body().length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(a.body());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ex.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
