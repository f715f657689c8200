package io.sitelens.collector.internal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import nl.basjes.parse.useragent.UserAgent;
import nl.basjes.parse.useragent.UserAgentAnalyzer;
import org.jspecify.annotations.Nullable;

/**
 * Yauaa over the few fields the collector keeps (browser, OS, device brand and class), with a cache, plus bot
 * detection by device class and by well-known automation tokens. The raw string is never kept.
 */
public final class UserAgents {
    /** What is kept of a user agent. */
    public record Traits(
            @Nullable String browser,
            @Nullable String os,
            @Nullable String deviceBrand,
            @Nullable String deviceClass,
            boolean bot) {}

    private static final Set<String> BOT_CLASSES =
            Set.of("Robot", "Robot Mobile", "Robot Imitator", "Hacker", "Spy", "Cloud");
    private static final Pattern BOT_TOKENS = Pattern.compile(
            "bot\\b|bot/|crawl|spider|slurp|headless|phantomjs|lighthouse|pingdom|uptime|monitor|curl/|wget/"
                    + "|python-|okhttp|java/|go-http-client|httpclient|axios/|node-fetch|scrapy|preview");

    private static volatile @Nullable UserAgentAnalyzer shared;

    private final UserAgentAnalyzer analyzer;

    private UserAgents(UserAgentAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    /**
     * The parser, built once per JVM on first use (Yauaa takes seconds and tens of megabytes to build; it is
     * immutable and thread-safe, so collectors share it).
     */
    public static UserAgents shared() {
        UserAgentAnalyzer a = shared;
        if (a == null) {
            synchronized (UserAgents.class) {
                a = shared;
                if (a == null) {
                    a = UserAgentAnalyzer.newBuilder()
                            .hideMatcherLoadStats()
                            .withCache(20_000)
                            .withField(UserAgent.DEVICE_CLASS)
                            .withField(UserAgent.DEVICE_BRAND)
                            .withField(UserAgent.AGENT_NAME)
                            .withField(UserAgent.OPERATING_SYSTEM_NAME)
                            .build();
                    shared = a;
                }
            }
        }
        return new UserAgents(a);
    }

    public Traits parse(String userAgent) {
        if (userAgent.isBlank() || userAgent.length() > 2048) {
            return new Traits(null, null, null, null, true);
        }
        UserAgent.ImmutableUserAgent ua = analyzer.parse(userAgent);
        String deviceClass = known(ua.getValue(UserAgent.DEVICE_CLASS));
        boolean bot = (deviceClass != null && BOT_CLASSES.contains(deviceClass))
                || BOT_TOKENS.matcher(userAgent.toLowerCase(Locale.ROOT)).find();
        return new Traits(
                known(ua.getValue(UserAgent.AGENT_NAME)),
                known(ua.getValue(UserAgent.OPERATING_SYSTEM_NAME)),
                known(ua.getValue(UserAgent.DEVICE_BRAND)),
                deviceClass,
                bot);
    }

    private static @Nullable String known(@Nullable String v) {
        return v == null || v.isEmpty() || v.startsWith("Unknown") || v.equals("??") ? null : v;
    }
}
