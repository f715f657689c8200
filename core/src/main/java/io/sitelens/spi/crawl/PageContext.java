package io.sitelens.spi.crawl;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A page as fetched by the crawler, handed to {@link PageCheck}s. The crawler's parsed document is
 * available through {@link #unwrap} to checks that depend on the same HTML library (the built-in crawler
 * offers {@code org.jsoup.nodes.Document}); the SPI itself exposes no third-party type.
 */
public interface PageContext {

    /** The normalised URL requested. */
    String url();

    /** The final URL after redirects. */
    default String finalUrl() {
        List<String> chain = redirectChain();
        return chain.isEmpty() ? url() : chain.get(chain.size() - 1);
    }

    /** HTTP status of the first response, 0 when none was received. */
    int statusCode();

    /** Response header values by lower-case name. */
    Map<String, List<String>> headers();

    default Optional<String> header(String name) {
        List<String> v = headers().get(name.toLowerCase(java.util.Locale.ROOT));
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    @Nullable
    String contentType();

    default boolean isHtml() {
        String ct = contentType();
        return ct != null && ct.toLowerCase(java.util.Locale.ROOT).contains("html");
    }

    /** The decoded body text for HTML pages, empty otherwise. */
    String body();

    /** Decoded body size in bytes. */
    long bodyBytes();

    /** Time to first byte of the response. */
    Duration responseTime();

    /** Clicks from the nearest start URL. */
    int depth();

    /** The URLs this request was redirected through, in order, ending at the final URL; empty when none. */
    List<String> redirectChain();

    /** The crawler's own representation of something (such as its parsed document), if it has one of that type. */
    <T> Optional<T> unwrap(Class<T> type);
}
