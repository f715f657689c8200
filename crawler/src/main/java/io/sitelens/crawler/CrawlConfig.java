package io.sitelens.crawler;

import static java.util.Objects.requireNonNull;

import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.spi.HttpSettings;
import java.net.InetAddress;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.net.ssl.X509TrustManager;
import org.jspecify.annotations.Nullable;

/**
 * What a crawl may do: its limits, scope, politeness and network policy. Immutable; made by {@link #builder()},
 * varied by {@link #newBuilder()}. Every limit is validated when {@link Builder#build()} is called, all at once.
 */
public final class CrawlConfig {
    /** Defaults: 10,000 pages, depth 50, 8 concurrent requests per host, host scope, no extra delay. */
    public static final CrawlConfig DEFAULTS = builder().build();

    private final int maxPages;
    private final int maxDepth;
    private final int concurrency;
    private final CrawlScope scope;
    private final Duration delay;
    private final Duration maxCrawlDelay;
    private final boolean allowPrivateNetwork;
    private final Set<InetAddress> allowedAddresses;
    private final long maxResponseBytes;
    private final long maxDecodedBytes;
    private final long maxTotalBytes;
    private final int maxUrlLength;
    private final int maxRedirects;
    private final Duration requestTimeout;
    private final Duration connectTimeout;
    private final boolean fetchResources;
    private final boolean checkExternal;
    private final boolean readSitemaps;
    private final boolean newRun;
    private final String userAgent;
    private final String robotsToken;
    private final AddressResolver resolver;
    private final @Nullable X509TrustManager trustManager;
    private final @Nullable PageRenderer renderer;

    private CrawlConfig(Builder b) {
        this.maxPages = b.maxPages;
        this.maxDepth = b.maxDepth;
        this.concurrency = b.concurrency;
        this.scope = b.scope;
        this.delay = b.delay;
        this.maxCrawlDelay = b.maxCrawlDelay;
        this.allowPrivateNetwork = b.allowPrivateNetwork;
        this.allowedAddresses = Set.copyOf(b.allowedAddresses);
        this.maxResponseBytes = b.maxResponseBytes;
        this.maxDecodedBytes = b.maxDecodedBytes;
        this.maxTotalBytes = b.maxTotalBytes;
        this.maxUrlLength = b.maxUrlLength;
        this.maxRedirects = b.maxRedirects;
        this.requestTimeout = b.requestTimeout;
        this.connectTimeout = b.connectTimeout;
        this.fetchResources = b.fetchResources;
        this.checkExternal = b.checkExternal;
        this.readSitemaps = b.readSitemaps;
        this.newRun = b.newRun;
        this.userAgent = b.userAgent;
        this.robotsToken = b.robotsToken;
        this.resolver = b.resolver;
        this.trustManager = b.trustManager;
        this.renderer = b.renderer;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder newBuilder() {
        return new Builder(this);
    }

    /** Most page URLs fetched (2xx HTML or not) in one run. */
    public int maxPages() {
        return maxPages;
    }

    /** Most clicks from a start URL; deeper links are not followed. */
    public int maxDepth() {
        return maxDepth;
    }

    /** Most requests in flight to one host (and worker threads of the crawl). */
    public int concurrency() {
        return concurrency;
    }

    public CrawlScope scope() {
        return scope;
    }

    /** An extra pause between two requests to one host, on top of robots.txt's Crawl-delay. */
    public Duration delay() {
        return delay;
    }

    /** The longest robots.txt {@code Crawl-delay} honoured; longer ones are capped and reported. */
    public Duration maxCrawlDelay() {
        return maxCrawlDelay;
    }

    public boolean allowPrivateNetwork() {
        return allowPrivateNetwork;
    }

    /** Addresses allowed even when private networks are refused (a staging host, a test server). */
    public Set<InetAddress> allowedAddresses() {
        return allowedAddresses;
    }

    /** Most bytes read from the wire for one response. */
    public long maxResponseBytes() {
        return maxResponseBytes;
    }

    /** Most bytes of one body after decompression. */
    public long maxDecodedBytes() {
        return maxDecodedBytes;
    }

    /** Most decoded bytes for the whole crawl; the crawl stops cleanly when reached. */
    public long maxTotalBytes() {
        return maxTotalBytes;
    }

    public int maxUrlLength() {
        return maxUrlLength;
    }

    public int maxRedirects() {
        return maxRedirects;
    }

    /** The limit for one request, from connect to the last byte. */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Whether images, CSS, scripts, fonts, media and frames of the site are fetched and stored. */
    public boolean fetchResources() {
        return fetchResources;
    }

    /** Whether external links and resources are checked for their status (one request each). */
    public boolean checkExternal() {
        return checkExternal;
    }

    /** Whether robots.txt {@code Sitemap:} lines and {@code /sitemap.xml} seed the frontier. */
    public boolean readSitemaps() {
        return readSitemaps;
    }

    /** Start a new run even when the last run of the same root is unfinished (otherwise it is resumed). */
    public boolean newRun() {
        return newRun;
    }

    public String userAgent() {
        return userAgent;
    }

    /** The token matched against robots.txt {@code User-agent} lines. */
    public String robotsToken() {
        return robotsToken;
    }

    public AddressResolver resolver() {
        return resolver;
    }

    /** The trust manager for https (a private CA), or null for the system's trusted certificates. */
    public @Nullable X509TrustManager trustManager() {
        return trustManager;
    }

    /** The browser that renders HTML pages for a rendered crawl, or null for a plain crawl. */
    public @Nullable PageRenderer renderer() {
        return renderer;
    }

    @Override
    public String toString() {
        return "CrawlConfig{maxPages=" + maxPages + ", maxDepth=" + maxDepth + ", concurrency=" + concurrency
                + ", scope=" + scope + ", delay=" + delay + ", allowPrivateNetwork=" + allowPrivateNetwork
                + ", allowedAddresses=" + allowedAddresses + ", newRun=" + newRun + "}";
    }

    /** Builds a {@link CrawlConfig}. */
    public static final class Builder {
        private int maxPages = 10_000;
        private int maxDepth = 50;
        private int concurrency = 8;
        private CrawlScope scope = CrawlScope.HOST;
        private Duration delay = Duration.ZERO;
        private Duration maxCrawlDelay = Duration.ofSeconds(10);
        private boolean allowPrivateNetwork;
        private Set<InetAddress> allowedAddresses = new LinkedHashSet<>();
        private long maxResponseBytes = 10L * 1024 * 1024;
        private long maxDecodedBytes = 20L * 1024 * 1024;
        private long maxTotalBytes = 2L * 1024 * 1024 * 1024;
        private int maxUrlLength = 2048;
        private int maxRedirects = 10;
        private Duration requestTimeout = Duration.ofSeconds(30);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private boolean fetchResources = true;
        private boolean checkExternal = true;
        private boolean readSitemaps = true;
        private boolean newRun;
        private String userAgent = HttpSettings.DEFAULT_USER_AGENT;
        private String robotsToken = "sitelens";
        private AddressResolver resolver = AddressResolver.SYSTEM;
        private @Nullable X509TrustManager trustManager;
        private @Nullable PageRenderer renderer;

        private Builder() {}

        private Builder(CrawlConfig c) {
            maxPages = c.maxPages;
            maxDepth = c.maxDepth;
            concurrency = c.concurrency;
            scope = c.scope;
            delay = c.delay;
            maxCrawlDelay = c.maxCrawlDelay;
            allowPrivateNetwork = c.allowPrivateNetwork;
            allowedAddresses = new LinkedHashSet<>(c.allowedAddresses);
            maxResponseBytes = c.maxResponseBytes;
            maxDecodedBytes = c.maxDecodedBytes;
            maxTotalBytes = c.maxTotalBytes;
            maxUrlLength = c.maxUrlLength;
            maxRedirects = c.maxRedirects;
            requestTimeout = c.requestTimeout;
            connectTimeout = c.connectTimeout;
            fetchResources = c.fetchResources;
            checkExternal = c.checkExternal;
            readSitemaps = c.readSitemaps;
            newRun = c.newRun;
            userAgent = c.userAgent;
            robotsToken = c.robotsToken;
            resolver = c.resolver;
            trustManager = c.trustManager;
            renderer = c.renderer;
        }

        public Builder maxPages(int n) {
            maxPages = n;
            return this;
        }

        public Builder maxDepth(int n) {
            maxDepth = n;
            return this;
        }

        public Builder concurrency(int n) {
            concurrency = n;
            return this;
        }

        public Builder scope(CrawlScope s) {
            scope = requireNonNull(s, "scope");
            return this;
        }

        public Builder delay(Duration d) {
            delay = requireNonNull(d, "delay");
            return this;
        }

        public Builder maxCrawlDelay(Duration d) {
            maxCrawlDelay = requireNonNull(d, "maxCrawlDelay");
            return this;
        }

        public Builder allowPrivateNetwork(boolean allow) {
            allowPrivateNetwork = allow;
            return this;
        }

        public Builder allowAddress(InetAddress address) {
            allowedAddresses.add(requireNonNull(address, "address"));
            return this;
        }

        public Builder maxResponseBytes(long n) {
            maxResponseBytes = n;
            return this;
        }

        public Builder maxDecodedBytes(long n) {
            maxDecodedBytes = n;
            return this;
        }

        public Builder maxTotalBytes(long n) {
            maxTotalBytes = n;
            return this;
        }

        public Builder maxUrlLength(int n) {
            maxUrlLength = n;
            return this;
        }

        public Builder maxRedirects(int n) {
            maxRedirects = n;
            return this;
        }

        public Builder requestTimeout(Duration d) {
            requestTimeout = requireNonNull(d, "requestTimeout");
            return this;
        }

        public Builder connectTimeout(Duration d) {
            connectTimeout = requireNonNull(d, "connectTimeout");
            return this;
        }

        public Builder fetchResources(boolean fetch) {
            fetchResources = fetch;
            return this;
        }

        public Builder checkExternal(boolean check) {
            checkExternal = check;
            return this;
        }

        public Builder readSitemaps(boolean read) {
            readSitemaps = read;
            return this;
        }

        public Builder newRun(boolean startOver) {
            newRun = startOver;
            return this;
        }

        public Builder userAgent(String agent, String token) {
            userAgent = requireNonNull(agent, "userAgent");
            robotsToken = requireNonNull(token, "robotsToken");
            return this;
        }

        public Builder resolver(AddressResolver r) {
            resolver = requireNonNull(r, "resolver");
            return this;
        }

        /** Trusts the certificates {@code manager} trusts instead of the system's (a private CA, a test server). */
        public Builder trustManager(X509TrustManager manager) {
            trustManager = requireNonNull(manager, "trustManager");
            return this;
        }

        /**
         * Renders every 2xx HTML page in a browser and takes links, titles and checks from the rendered DOM (for
         * sites built with client-side JavaScript).
         */
        public Builder renderer(@Nullable PageRenderer r) {
            renderer = r;
            return this;
        }

        /** Validates every setting at once; the message lists each problem. */
        public CrawlConfig build() {
            StringBuilder problems = new StringBuilder();
            range(problems, "maxPages", maxPages, 1, 10_000_000);
            range(problems, "maxDepth", maxDepth, 0, 10_000);
            range(problems, "concurrency", concurrency, 1, 256);
            range(problems, "maxUrlLength", maxUrlLength, 64, 65_536);
            range(problems, "maxRedirects", maxRedirects, 0, 100);
            range(problems, "maxResponseBytes", maxResponseBytes, 1024, Long.MAX_VALUE);
            range(problems, "maxDecodedBytes", maxDecodedBytes, 1024, Long.MAX_VALUE);
            range(problems, "maxTotalBytes", maxTotalBytes, 1024, Long.MAX_VALUE);
            if (delay.isNegative() || delay.compareTo(Duration.ofMinutes(10)) > 0) {
                problems.append("; delay must be within 0..10 minutes, got ").append(delay);
            }
            if (maxCrawlDelay.isNegative() || maxCrawlDelay.compareTo(Duration.ofMinutes(10)) > 0) {
                problems.append("; maxCrawlDelay must be within 0..10 minutes, got ")
                        .append(maxCrawlDelay);
            }
            if (requestTimeout.isNegative() || requestTimeout.isZero()) {
                problems.append("; requestTimeout must be positive");
            }
            if (connectTimeout.isNegative() || connectTimeout.isZero()) {
                problems.append("; connectTimeout must be positive");
            }
            if (!robotsToken.matches("[A-Za-z0-9_-]+")) {
                problems.append("; robots token must be letters, digits, '-' or '_', got '")
                        .append(robotsToken)
                        .append("'");
            }
            if (problems.length() > 0) {
                throw new SitelensException(ErrorCode.CONFIG_INVALID, "invalid crawl config: " + problems.substring(2));
            }
            return new CrawlConfig(this);
        }

        private static void range(StringBuilder problems, String key, long v, long min, long max) {
            if (v < min || v > max) {
                problems.append("; ")
                        .append(key)
                        .append(" must be within ")
                        .append(min)
                        .append("..")
                        .append(max)
                        .append(", got ")
                        .append(v);
            }
        }
    }
}
