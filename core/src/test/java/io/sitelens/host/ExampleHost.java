package io.sitelens.host;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sitelens.PageRequest;
import io.sitelens.ResultPage;
import io.sitelens.Sitelens;
import io.sitelens.SitelensException;
import io.sitelens.model.Finding;
import io.sitelens.model.ProjectId;
import io.sitelens.model.TenantId;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * An example host: one Sitelens instance serving every tenant over HTTP. The tenant comes from the caller's
 * authenticated identity (here, for brevity, a header the host's gateway sets); every read goes through
 * {@code sitelens.tenant(id)}, so a tenant can only ever see its own data.
 * {@code GET /projects/{project}/findings?cursor=…} answers one page of findings as lines of text.
 */
final class ExampleHost implements AutoCloseable {
    private final HttpServer server;

    ExampleHost(Sitelens sitelens) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/projects/", exchange -> {
            try {
                TenantId tenant = TenantId.of(exchange.getRequestHeaders().getFirst("X-Tenant"));
                String[] path = exchange.getRequestURI().getPath().split("/"); // "", projects, {p}, findings
                String query = exchange.getRequestURI().getQuery();
                String cursor = query != null && query.startsWith("cursor=") ? query.substring(7) : null;
                ResultPage<Finding> page = sitelens.tenant(tenant)
                        .findings(ProjectId.of(path[2]), null, null, new PageRequest(50, cursor));
                StringBuilder body = new StringBuilder();
                page.items().forEach(f -> body.append(f.checkId())
                        .append(' ')
                        .append(f.url())
                        .append('\n'));
                if (page.hasMore()) {
                    body.append("next ").append(page.nextCursor()).append('\n');
                }
                send(exchange, 200, body.toString());
            } catch (SitelensException e) {
                send(exchange, 404, e.getMessage());
            } catch (IllegalArgumentException | NullPointerException e) {
                send(exchange, 400, "bad request");
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
