package io.sitelens.crawler.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * Normalises URLs on OkHttp's {@link HttpUrl} (which already lower-cases scheme and host, drops default ports
 * and resolves dot segments): drops the fragment and tracking parameters ({@code utm_*}, {@code gclid},
 * {@code fbclid}) and sorts the query. {@code /} and {@code /index.html} stay distinct.
 */
public final class UrlNormalizer {
    private final int maxLength;

    public UrlNormalizer(int maxLength) {
        this.maxLength = maxLength;
    }

    /** The normalised form of {@code href} resolved against {@code base}, or null when not an http(s) URL. */
    public @Nullable HttpUrl resolve(@Nullable HttpUrl base, String href) {
        String h = href.strip();
        int hash = h.indexOf('#');
        if (hash >= 0) {
            h = h.substring(0, hash);
            if (h.isEmpty() && base != null) {
                return normalize(base);
            }
        }
        if (h.isEmpty() || h.length() > maxLength * 2) {
            return null;
        }
        HttpUrl url = base == null ? HttpUrl.parse(h) : base.resolve(h);
        return url == null ? null : normalize(url);
    }

    public @Nullable HttpUrl parse(String url) {
        return resolve(null, url);
    }

    public HttpUrl normalize(HttpUrl url) {
        if (url.encodedFragment() == null && url.encodedQuery() == null) {
            return url;
        }
        HttpUrl.Builder b = url.newBuilder().fragment(null);
        String query = url.encodedQuery();
        if (query != null) {
            List<String> params = new ArrayList<>();
            for (String p : query.split("&")) {
                int eq = p.indexOf('=');
                String name = eq < 0 ? p : p.substring(0, eq);
                if (!p.isEmpty() && !isTracking(name)) {
                    params.add(p);
                }
            }
            params.sort(null);
            b.encodedQuery(params.isEmpty() ? null : String.join("&", params));
        }
        return b.build();
    }

    /** Whether a normalised URL is within the URL length limit. */
    public boolean withinLimit(HttpUrl url) {
        return url.toString().length() <= maxLength;
    }

    static boolean isTracking(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.startsWith("utm_") || n.equals("gclid") || n.equals("fbclid");
    }
}
