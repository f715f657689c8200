package io.sitelens.spi;

import static java.util.Objects.requireNonNull;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * HTTP settings every plugin that talks to the network honours: timeouts, an optional proxy, the user agent.
 *
 * @param callTimeout the limit for a whole call including retries of one request
 * @param proxy an HTTP proxy, or null for a direct connection
 */
public record HttpSettings(
        Duration connectTimeout,
        Duration readTimeout,
        Duration callTimeout,
        @Nullable InetSocketAddress proxy,
        String userAgent,
        int maxRetries) {

    public static final String DEFAULT_USER_AGENT = "sitelens/0.1 (+https://github.com/sitelens/sitelens)";

    public static final HttpSettings DEFAULTS = new HttpSettings(
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(120), null, DEFAULT_USER_AGENT, 4);

    public HttpSettings {
        requireNonNull(connectTimeout, "connectTimeout");
        requireNonNull(readTimeout, "readTimeout");
        requireNonNull(callTimeout, "callTimeout");
        requireNonNull(userAgent, "userAgent");
        for (Duration d : new Duration[] {connectTimeout, readTimeout, callTimeout}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(
                        "HTTP timeouts must be positive (an external call always has a limit)");
            }
        }
        if (maxRetries < 0 || maxRetries > 20) {
            throw new IllegalArgumentException("maxRetries must be within 0..20, got " + maxRetries);
        }
    }

    public HttpSettings withUserAgent(String agent) {
        return new HttpSettings(connectTimeout, readTimeout, callTimeout, proxy, agent, maxRetries);
    }

    public HttpSettings withTimeouts(Duration connect, Duration read, Duration call) {
        return new HttpSettings(connect, read, call, proxy, userAgent, maxRetries);
    }

    public HttpSettings withProxy(@Nullable InetSocketAddress proxyAddress) {
        return new HttpSettings(connectTimeout, readTimeout, callTimeout, proxyAddress, userAgent, maxRetries);
    }

    public HttpSettings withMaxRetries(int retries) {
        return new HttpSettings(connectTimeout, readTimeout, callTimeout, proxy, userAgent, retries);
    }
}
