package io.sitelens.crawler.internal;

import io.sitelens.spi.crawl.PageContext;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jspecify.annotations.Nullable;

/**
 * A page as the crawl fetched it, handed to every check. {@link #unwrap} offers the jsoup {@link Document},
 * the extracted {@link HtmlPage} and this object itself.
 */
public final class FetchedPage implements PageContext {
    private final String url;
    private final int status;
    private final Map<String, List<String>> headers;
    private final @Nullable String contentType;
    private final byte @Nullable [] body;
    private final @Nullable Charset charset;
    private final long bodyBytes;
    private final Duration responseTime;
    private final int depth;
    private final List<String> redirectChain;
    private final @Nullable HtmlPage html;
    private final @Nullable String error;
    private final boolean truncated;
    private @Nullable String text;

    FetchedPage(
            String url,
            int status,
            Map<String, List<String>> headers,
            @Nullable String contentType,
            byte @Nullable [] body,
            @Nullable Charset charset,
            long bodyBytes,
            Duration responseTime,
            int depth,
            List<String> redirectChain,
            @Nullable HtmlPage html,
            @Nullable String error,
            boolean truncated) {
        this.url = url;
        this.status = status;
        this.headers = headers;
        this.contentType = contentType;
        this.body = body;
        this.charset = charset;
        this.bodyBytes = bodyBytes;
        this.responseTime = responseTime;
        this.depth = depth;
        this.redirectChain = List.copyOf(redirectChain);
        this.html = html;
        this.error = error;
        this.truncated = truncated;
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public int statusCode() {
        return status;
    }

    @Override
    public Map<String, List<String>> headers() {
        return headers;
    }

    @Override
    public @Nullable String contentType() {
        return contentType;
    }

    @Override
    public synchronized String body() {
        if (text == null) {
            text = body == null || html == null
                    ? ""
                    : new String(body, charset == null ? StandardCharsets.UTF_8 : charset);
        }
        return text;
    }

    @Override
    public long bodyBytes() {
        return bodyBytes;
    }

    @Override
    public Duration responseTime() {
        return responseTime;
    }

    @Override
    public int depth() {
        return depth;
    }

    @Override
    public List<String> redirectChain() {
        return redirectChain;
    }

    /** The parsed page when this is a 2xx HTML response, or null. */
    public @Nullable HtmlPage html() {
        return html;
    }

    /** Why no response was received (status 0), or null. */
    public @Nullable String error() {
        return error;
    }

    /** Whether the body was cut at the decoded-size limit. */
    public boolean truncated() {
        return truncated;
    }

    /** Whether this URL is a 2xx HTML page with a parsed document. */
    public boolean isHtmlOk() {
        return html != null && status >= 200 && status < 300;
    }

    @Override
    public <T> Optional<T> unwrap(Class<T> type) {
        if (type == FetchedPage.class) {
            return Optional.of(type.cast(this));
        }
        if (html != null && type == HtmlPage.class) {
            return Optional.of(type.cast(html));
        }
        if (html != null && type == Document.class) {
            return Optional.of(type.cast(html.document()));
        }
        return Optional.empty();
    }
}
