package io.sitelens.crawler.internal;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import io.sitelens.crawler.CrawlConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * Politeness per origin: robots.txt for our token (fetched once per origin), request spacing by the configured
 * delay and the capped {@code Crawl-delay}, per-host concurrency, and waits for {@code Retry-After} on 429/503.
 * Every request of a crawl goes through {@link #request}.
 */
final class Politeness {
    /** The error of a request abandoned because the crawl was cancelled (compared by identity). */
    private static final String CANCELLED = new String("cancelled");

    private final Fetcher fetcher;
    private final CrawlConfig config;
    private final Clock clock;
    private final Consumer<String> warn;
    private final Consumer<Fetcher.Result> counter;
    private final ConcurrentHashMap<String, HostGate> gates = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, BaseRobotRules> robots = new ConcurrentHashMap<>();

    Politeness(
            Fetcher fetcher, CrawlConfig config, Clock clock, Consumer<String> warn, Consumer<Fetcher.Result> counter) {
        this.fetcher = fetcher;
        this.config = config;
        this.clock = clock;
        this.warn = warn;
        this.counter = counter;
    }

    boolean listsSitemap(String sitemap) {
        for (BaseRobotRules r : robots.values()) {
            if (r.getSitemaps().contains(sitemap)) {
                return true;
            }
        }
        return false;
    }

    static String origin(HttpUrl u) {
        return u.scheme() + "://" + (u.host().contains(":") ? "[" + u.host() + "]" : u.host()) + ":" + u.port();
    }

    private HostGate gate(HttpUrl u) {
        return gates.computeIfAbsent(origin(u), k -> new HostGate(config.concurrency(), config.delay()));
    }

    BaseRobotRules robots(HttpUrl u) {
        String origin = origin(u);
        BaseRobotRules rules = robots.get(origin);
        if (rules != null) {
            return rules;
        }
        synchronized (robots) {
            rules = robots.get(origin);
            if (rules != null) {
                return rules;
            }
            rules = fetchRobots(u);
            robots.put(origin, rules);
            return rules;
        }
    }

    private BaseRobotRules fetchRobots(HttpUrl u) {
        HttpUrl robotsUrl = u.newBuilder()
                .encodedPath("/robots.txt")
                .query(null)
                .fragment(null)
                .build();
        Fetcher.Result r = request(robotsUrl, "GET", (st, ct) -> st >= 200 && st < 300);
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser(Long.MAX_VALUE, 1000);
        BaseRobotRules rules;
        if (r.status() >= 200 && r.status() < 300 && r.body() != null) {
            rules = parser.parseContent(
                    robotsUrl.toString(),
                    r.body(),
                    r.contentType() == null ? "text/plain" : r.contentType(),
                    List.of(config.robotsToken().toLowerCase(Locale.ROOT)));
        } else if (r.status() == 0 || r.status() >= 500) {
            // unreachable robots.txt: Google treats it as "disallow all" for a while; we crawl politely instead
            warn.accept("robots.txt of " + origin(u) + " could not be read ("
                    + (r.status() == 0 ? r.error() : r.status()) + "); crawling it as if it allowed everything");
            rules = new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL);
        } else {
            rules = new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL);
        }
        long delayMs = rules.getCrawlDelay();
        if (delayMs > 0) {
            Duration asked = Duration.ofMillis(delayMs);
            Duration used = asked;
            if (asked.compareTo(config.maxCrawlDelay()) > 0) {
                used = config.maxCrawlDelay();
                warn.accept("robots.txt of " + origin(u) + " asks for a Crawl-delay of " + asked.toMillis()
                        + " ms; capped at " + used.toMillis() + " ms (maxCrawlDelay)");
            }
            Duration interval = used.compareTo(config.delay()) > 0 ? used : config.delay();
            gate(u).interval(interval);
        }
        return rules;
    }

    boolean allowed(HttpUrl u) {
        return robots(u).isAllowed(u.toString());
    }

    /** One request with politeness, Retry-After handling, counting and metering. */
    Fetcher.Result request(HttpUrl url, String method, Fetcher.BodyWanted wanted) {
        HostGate gate = gate(url);
        Fetcher.Result r = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                gate.enter();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Fetcher.Result(
                        url, 0, Headers.of(), null, null, 0, false, Duration.ZERO, "cancelled", false);
            }
            try {
                r = fetcher.fetch(url, method, wanted);
            } finally {
                gate.exit();
            }
            if (Thread.currentThread().isInterrupted()) {
                return cancelled(url);
            }
            counter.accept(r);
            if ((r.status() == 429 || r.status() == 503) && attempt < 3) {
                Duration retryAfter = retryAfter(r.headers().get("Retry-After"));
                if (retryAfter != null && retryAfter.compareTo(Duration.ofSeconds(60)) <= 0) {
                    gate.pause(retryAfter);
                    continue;
                }
            }
            break;
        }
        return r;
    }

    static Fetcher.Result cancelled(HttpUrl url) {
        return new Fetcher.Result(url, 0, Headers.of(), null, null, 0, false, Duration.ZERO, CANCELLED, false);
    }

    static boolean isCancelled(Fetcher.Result r) {
        return r.error() == CANCELLED;
    }

    private @Nullable Duration retryAfter(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                Duration d = Duration.between(clock.instant(), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException e2) {
                return null;
            }
        }
    }
}
