package io.sitelens.crawler.internal;

import io.sitelens.crawler.AddressGuard;
import io.sitelens.crawler.CrawlConfig;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;
import okio.Source;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request at a time, never following redirects (the crawl follows them hop by hop, so every hop is
 * scope-checked, counted and guarded). Bodies are read up to the decoded-size limit; the wire size is limited
 * by a network interceptor. Thread-safe; one connection pool per crawl.
 */
public final class Fetcher implements AutoCloseable {
    /** For http URLs: no TLS set-up (loading the trust store costs start-up time a plain-http crawl never needs). */
    private final OkHttpClient plain;
    /** For https URLs, made on first use; shares the connection pool and settings of {@link #plain}. */
    private volatile @Nullable OkHttpClient tls;

    private final @Nullable X509TrustManager trust;
    private final String userAgent;
    private final long maxDecoded;

    public Fetcher(CrawlConfig config) {
        this.userAgent = config.userAgent();
        this.maxDecoded = config.maxDecodedBytes();
        long maxWire = config.maxResponseBytes();
        AddressGuard guard = new AddressGuard(config.allowPrivateNetwork(), config.allowedAddresses());
        Dns dns = host -> {
            try {
                List<InetAddress> found = config.resolver().lookup(host);
                if (found.isEmpty()) {
                    throw new UnknownHostException("no address for " + host);
                }
                return found;
            } catch (UnknownHostException e) {
                throw e;
            } catch (RuntimeException e) {
                UnknownHostException u = new UnknownHostException("lookup of " + host + " failed: " + e);
                u.initCause(e);
                throw u;
            }
        };
        int pool = Math.max(5, config.concurrency() * 2);
        this.trust = config.trustManager();
        OkHttpClient.Builder builder = new OkHttpClient.Builder().connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
        this.plain = builder.followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(true)
                .socketFactory(new GuardedSocketFactory(guard))
                .dns(dns)
                .proxy(java.net.Proxy.NO_PROXY)
                .protocols(List.of(Protocol.HTTP_2, Protocol.HTTP_1_1))
                .connectionPool(new ConnectionPool(pool, 1, TimeUnit.MINUTES))
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.requestTimeout())
                .callTimeout(config.requestTimeout())
                .addNetworkInterceptor(chain -> {
                    Response r = chain.proceed(chain.request());
                    ResponseBody body = r.body();
                    long declared = body.contentLength();
                    if (declared > maxWire) {
                        r.close();
                        throw new LimitExceededException("response of " + declared + " bytes is over the limit of "
                                + maxWire + " bytes (maxResponseBytes)");
                    }
                    BufferedSource limited = Okio.buffer(new WireLimit(body.source(), maxWire));
                    return r.newBuilder()
                            .body(ResponseBody.create(limited, body.contentType(), declared))
                            .build();
                })
                .build();
    }

    /** What one request returned. {@code body} is null when not read (HEAD, not wanted, or failed). */
    public record Result(
            HttpUrl url,
            int status,
            okhttp3.Headers headers,
            @Nullable String contentType,
            byte @Nullable [] body,
            long bodyBytes,
            boolean truncated,
            Duration ttfb,
            @Nullable String error,
            boolean blocked) {

        public @Nullable String location() {
            return status >= 300 && status < 400 ? headers.get("Location") : null;
        }

        public boolean isHtml() {
            return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html");
        }
    }

    private OkHttpClient client(HttpUrl url) {
        if (!url.isHttps()) {
            return plain;
        }
        OkHttpClient c = tls;
        if (c == null) {
            synchronized (this) {
                c = tls;
                if (c == null) {
                    OkHttpClient.Builder b = plain.newBuilder()
                            .connectionSpecs(List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT));
                    if (trust != null) {
                        try {
                            SSLContext ssl = SSLContext.getInstance("TLS");
                            ssl.init(null, new TrustManager[] {trust}, null);
                            b.sslSocketFactory(ssl.getSocketFactory(), trust);
                        } catch (GeneralSecurityException e) {
                            throw new IllegalStateException("TLS is not available: " + e, e);
                        }
                    }
                    c = b.build();
                    tls = c;
                }
            }
        }
        return c;
    }

    /** Issues one request; reads the body when {@code readBody} says so for the response's content type. */
    public Result fetch(HttpUrl url, String method, BodyWanted readBody) {
        Request request = new Request.Builder()
                .url(url)
                .method(method, null)
                .header("User-Agent", userAgent)
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .build();
        long start = System.nanoTime();
        Call call = client(url).newCall(request);
        try (Response response = call.execute()) {
            Duration ttfb = Duration.ofNanos(System.nanoTime() - start);
            String ct = response.header("Content-Type");
            int status = response.code();
            byte[] body = null;
            long bytes = 0;
            boolean truncated = false;
            if (!"HEAD".equals(method) && readBody.wanted(status, ct)) {
                BufferedSource source = response.body().source();
                Buffer buffer = new Buffer();
                while (buffer.size() <= maxDecoded) {
                    long n = source.read(buffer, 64 * 1024);
                    if (n < 0) {
                        break;
                    }
                }
                if (buffer.size() > maxDecoded) {
                    truncated = true;
                    body = buffer.readByteArray(maxDecoded);
                } else {
                    body = buffer.readByteArray();
                }
                bytes = body.length;
            } else if (!"HEAD".equals(method)) {
                long len = response.body().contentLength();
                bytes = len > 0 ? len : 0;
            }
            return new Result(url, status, response.headers(), ct, body, bytes, truncated, ttfb, null, false);
        } catch (BlockedAddressException e) {
            return failure(url, start, "refused: " + e.getMessage(), true);
        } catch (LimitExceededException e) {
            return failure(url, start, e.getMessage(), false);
        } catch (InterruptedIOException e) {
            return failure(url, start, "timed out: " + e.getMessage(), false);
        } catch (IOException e) {
            Throwable cause = e;
            while (cause != null) {
                if (cause instanceof BlockedAddressException b) {
                    return failure(url, start, "refused: " + b.getMessage(), true);
                }
                cause = cause.getCause();
            }
            for (Throwable s : e.getSuppressed()) {
                if (s instanceof BlockedAddressException b) {
                    return failure(url, start, "refused: " + b.getMessage(), true);
                }
            }
            return failure(url, start, e.getClass().getSimpleName() + ": " + e.getMessage(), false);
        } catch (RuntimeException e) {
            return failure(url, start, "failed: " + e, false);
        }
    }

    private static Result failure(HttpUrl url, long start, String error, boolean blocked) {
        return new Result(
                url,
                0,
                okhttp3.Headers.of(),
                null,
                null,
                0,
                false,
                Duration.ofNanos(System.nanoTime() - start),
                error,
                blocked);
    }

    /** Decides from the status and content type whether a response body is read. */
    @FunctionalInterface
    public interface BodyWanted {
        boolean wanted(int status, @Nullable String contentType);
    }

    @Override
    public void close() {
        plain.dispatcher().executorService().shutdown();
        plain.connectionPool().evictAll();
    }

    static final class LimitExceededException extends IOException {
        private static final long serialVersionUID = 1L;

        LimitExceededException(String message) {
            super(message);
        }
    }

    private static final class WireLimit extends ForwardingSource {
        private final long max;
        private long read;

        WireLimit(Source delegate, long max) {
            super(delegate);
            this.max = max;
        }

        @Override
        public long read(Buffer sink, long byteCount) throws IOException {
            long n = super.read(sink, byteCount);
            if (n > 0) {
                read += n;
                if (read > max) {
                    throw new LimitExceededException(
                            "response is over the limit of " + max + " bytes on the wire (maxResponseBytes)");
                }
            }
            return n;
        }
    }
}
