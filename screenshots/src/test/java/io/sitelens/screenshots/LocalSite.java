package io.sitelens.screenshots;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A tiny HTTP server on one loopback address, serving fixed pages and counting every request it gets. */
final class LocalSite implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, String> pages = new ConcurrentHashMap<>();
    private final Map<String, String> redirects = new ConcurrentHashMap<>();
    final AtomicInteger hits = new AtomicInteger();

    LocalSite(String address) throws IOException {
        server = HttpServer.create(new InetSocketAddress(address, 0), 0);
        server.createContext("/", exchange -> {
            hits.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            try (exchange) {
                String target = redirects.get(path);
                if (target != null) {
                    exchange.getResponseHeaders().add("Location", target);
                    exchange.sendResponseHeaders(302, -1);
                    return;
                }
                String body = pages.get(path);
                if (body == null) {
                    byte[] b = "not found".getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(404, b.length);
                    exchange.getResponseBody().write(b);
                    return;
                }
                byte[] b = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, b.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(b);
                }
            }
        });
        server.start();
    }

    LocalSite page(String path, String html) {
        pages.put(path, html);
        return this;
    }

    LocalSite redirect(String path, String location) {
        redirects.put(path, location);
        return this;
    }

    String url(String path) {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + path;
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
