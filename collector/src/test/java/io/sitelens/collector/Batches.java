package io.sitelens.collector;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Batches as the tracker sends them (synthetic). */
final class Batches {
    static final String CHROME =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15"
            + " (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
    static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
    static final String COOKIE = "0123456789abcdef0123456789abcdef";

    private Batches() {}

    static Map<String, String> headers(String ua) {
        return Map.of("User-Agent", ua, "Origin", "https://www.example.org");
    }

    static InetAddress ip(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** A batch with consent flags (behaviour, geolocation, cookie), an optional cookie id and events. */
    static String batch(long t, int b, int g, int r, String cookieId, String events) {
        return "{\"v\":1,\"s\":\"shop\",\"t\":" + t + ",\"c\":{\"b\":" + b + ",\"g\":" + g + ",\"r\":" + r
                + ",\"n\":\"v3\"},\"i\":" + (cookieId == null ? "null" : "\"" + cookieId + "\"")
                + ",\"r\":1,\"p\":{\"u\":\"/pricing\",\"r\":\"https://search.example/q?secret=1\",\"w\":1280,"
                + "\"h\":800,\"sw\":1920,\"sh\":1080,\"z\":\"Europe/London\",\"l\":\"en-GB\"},\"e\":[" + events + "]}";
    }

    /** A page view, a click, a scroll and engaged time at {@code t}. */
    static String typical(long t, int b, int g, int r, String cookieId) {
        return batch(
                t,
                b,
                g,
                r,
                cookieId,
                "{\"k\":\"pv\",\"t\":" + (t - 5000) + "},{\"k\":\"c\",\"t\":" + (t - 4000)
                        + ",\"x\":640,\"y\":300,\"q\":\"main>a:nth-of-type(2)\"},{\"k\":\"s\",\"t\":" + (t - 10)
                        + ",\"d\":0.6},{\"k\":\"en\",\"t\":" + t + ",\"d\":4500}");
    }
}
