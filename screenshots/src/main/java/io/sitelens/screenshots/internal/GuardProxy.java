package io.sitelens.screenshots.internal;

import static java.util.Objects.requireNonNull;

import io.sitelens.screenshots.AddressPolicy;
import io.sitelens.screenshots.NameResolver;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local HTTP proxy that every browser connection goes through. For each request (plain HTTP or a CONNECT
 * tunnel) it resolves the host itself, asks the {@link AddressPolicy} about the address, and connects to that
 * very address, so neither an IP literal, a name resolving to a private address, a redirect, nor DNS
 * rebinding lets the browser reach a forbidden address. Refusals answer 403 and are recorded.
 */
public final class GuardProxy implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GuardProxy.class);
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final int CONNECT_TIMEOUT_MS = 10_000;
    private static final int IDLE_TIMEOUT_MS = 60_000;

    private final AddressPolicy policy;
    private final NameResolver resolver;
    private final ServerSocket server;
    private final ExecutorService pool;
    private final List<String> refused = Collections.synchronizedList(new ArrayList<>());
    private final List<String> refusedEver = Collections.synchronizedList(new ArrayList<>());
    private final List<String> failed = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean closed;

    public GuardProxy(AddressPolicy policy, NameResolver resolver) throws IOException {
        this.policy = requireNonNull(policy, "policy");
        this.resolver = requireNonNull(resolver, "resolver");
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        AtomicInteger n = new AtomicInteger();
        // bounded: at most 256 connections in flight; more wait in the accept backlog
        this.pool = new ThreadPoolExecutor(
                0,
                256,
                30,
                TimeUnit.SECONDS,
                new SynchronousQueue<>(),
                r -> {
                    Thread t = new Thread(r, "sitelens-guard-proxy-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                },
                new ThreadPoolExecutor.CallerRunsPolicy());
        Thread acceptor = new Thread(this::acceptLoop, "sitelens-guard-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** "host:port (reason)" of the refused connections since the proxy started (the first 1,000). */
    public List<String> refused() {
        synchronized (refusedEver) {
            return List.copyOf(refusedEver);
        }
    }

    /** Takes the refused and failed destinations recorded so far (for one page's metrics). */
    public List<String> drain() {
        List<String> out = new ArrayList<>();
        synchronized (refused) {
            out.addAll(refused);
            refused.clear();
        }
        synchronized (failed) {
            out.addAll(failed);
            failed.clear();
        }
        return out;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                pool.execute(() -> handle(client));
            } catch (IOException e) {
                if (!closed) {
                    LOG.debug("proxy accept failed: {}", e.toString());
                }
            }
        }
    }

    private void handle(Socket client) {
        try (client) {
            client.setSoTimeout(IDLE_TIMEOUT_MS);
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            byte[] head = readHead(in);
            if (head == null) {
                return;
            }
            String headText = new String(head, StandardCharsets.ISO_8859_1);
            String requestLine = headText.substring(0, headText.indexOf("\r\n"));
            String[] parts = requestLine.split(" ");
            if (parts.length != 3) {
                respond(out, 400, "bad request line");
                return;
            }
            if (parts[0].equalsIgnoreCase("CONNECT")) {
                tunnel(parts[1], client, in, out);
            } else {
                forward(parts, headText, client, in, out);
            }
        } catch (IOException e) {
            LOG.trace("proxy connection ended: {}", e.toString());
        }
    }

    private void tunnel(String authority, Socket client, InputStream in, OutputStream out) throws IOException {
        int colon = authority.lastIndexOf(':');
        if (colon < 0) {
            respond(out, 400, "CONNECT needs host:port");
            return;
        }
        String host = stripBrackets(authority.substring(0, colon));
        int port = parsePort(authority.substring(colon + 1));
        Socket upstream = open(host, port, out, authority);
        if (upstream == null) {
            return;
        }
        try (upstream) {
            out.write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            pipe(client, in, out, upstream);
        }
    }

    private void forward(String[] requestLine, String head, Socket client, InputStream in, OutputStream out)
            throws IOException {
        URI uri;
        try {
            uri = URI.create(requestLine[1]);
        } catch (IllegalArgumentException e) {
            respond(out, 400, "bad URL");
            return;
        }
        if (uri.getHost() == null || !"http".equalsIgnoreCase(uri.getScheme())) {
            respond(out, 400, "only absolute http:// URLs are proxied");
            return;
        }
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        String host = stripBrackets(uri.getHost());
        Socket upstream = open(host, port, out, host + ":" + port);
        if (upstream == null) {
            return;
        }
        try (upstream) {
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (uri.getRawQuery() != null) {
                path += "?" + uri.getRawQuery();
            }
            StringBuilder rewritten = new StringBuilder();
            rewritten
                    .append(requestLine[0])
                    .append(' ')
                    .append(path)
                    .append(' ')
                    .append(requestLine[2])
                    .append("\r\n");
            String[] lines = head.split("\r\n");
            for (int i = 1; i < lines.length; i++) {
                String lower = lines[i].toLowerCase(Locale.ROOT);
                if (lines[i].isEmpty()
                        || lower.startsWith("proxy-")
                        || lower.startsWith("connection:")
                        || lower.startsWith("keep-alive:")) {
                    continue;
                }
                rewritten.append(lines[i]).append("\r\n");
            }
            rewritten.append("Connection: close\r\n\r\n");
            OutputStream up = upstream.getOutputStream();
            up.write(rewritten.toString().getBytes(StandardCharsets.ISO_8859_1));
            up.flush();
            pipe(client, in, out, upstream);
        }
    }

    /** Resolves, checks and connects; on refusal or failure answers the client and returns null. */
    private @Nullable Socket open(String host, int port, OutputStream out, String what) throws IOException {
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (IOException e) {
            failed.add(what + " (unknown host)");
            respond(out, 502, "unknown host");
            return null;
        }
        String reason = null;
        for (InetAddress a : addresses) {
            String r = policy.refusal(a);
            if (r != null) {
                reason = r;
                continue;
            }
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(a, port), CONNECT_TIMEOUT_MS);
                s.setSoTimeout(IDLE_TIMEOUT_MS);
                return s;
            } catch (IOException e) {
                s.close();
                reason = null;
            }
        }
        if (reason != null) {
            refused.add(what + " (" + reason + ")");
            synchronized (refusedEver) {
                if (refusedEver.size() < 1000) {
                    refusedEver.add(what + " (" + reason + ")");
                }
            }
            LOG.debug("refused browser connection to {} ({})", what, reason);
            respond(out, 403, "refused: " + reason + " address");
        } else {
            failed.add(what + " (connection failed)");
            respond(out, 502, "connection failed");
        }
        return null;
    }

    private void pipe(Socket client, InputStream in, OutputStream out, Socket upstream) throws IOException {
        InputStream upIn = upstream.getInputStream();
        OutputStream upOut = upstream.getOutputStream();
        Thread back = new Thread(() -> copy(upIn, out, client), "sitelens-guard-proxy-pipe");
        back.setDaemon(true);
        back.start();
        copy(in, upOut, upstream);
        try {
            back.join(IDLE_TIMEOUT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void copy(InputStream from, OutputStream to, Socket closeWhenDone) {
        byte[] buf = new byte[16 * 1024];
        try {
            for (int n; (n = from.read(buf)) >= 0; ) {
                to.write(buf, 0, n);
                to.flush();
            }
        } catch (IOException e) {
            // one side closed or timed out: the tunnel ends
        } finally {
            try {
                closeWhenDone.shutdownOutput();
            } catch (IOException | RuntimeException e) {
                // already closed
            }
        }
    }

    private static byte @Nullable [] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (head.size() < MAX_HEADER_BYTES) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            state = switch (state) {
                case 0 -> b == '\r' ? 1 : 0;
                case 1 -> b == '\n' ? 2 : (b == '\r' ? 1 : 0);
                case 2 -> b == '\r' ? 3 : 0;
                case 3 -> b == '\n' ? 4 : 0;
                default -> 0;
            };
            if (state == 4) {
                return head.toByteArray();
            }
        }
        return null;
    }

    private static void respond(OutputStream out, int status, String message) throws IOException {
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        String reason = status == 403 ? "Forbidden" : status == 502 ? "Bad Gateway" : "Bad Request";
        String head = "HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: text/plain\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static int parsePort(String s) {
        try {
            int p = Integer.parseInt(s);
            return p > 0 && p < 65536 ? p : 443;
        } catch (NumberFormatException e) {
            return 443;
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException | RuntimeException e) {
            // closing
        }
        pool.shutdownNow();
    }
}
