package io.sitelens.report.internal;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * An HTML writer that escapes every piece of text and every attribute value it is given: report data comes
 * from websites and analytics and is never trusted. Only {@link #raw} writes markup, and only the renderer's
 * own constant markup goes through it.
 */
public final class Html {
    private final StringBuilder out = new StringBuilder(64 * 1024);

    /** Escapes text for element content and quoted attribute values. */
    public static String escape(@Nullable String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        b.append('\uFFFD');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** Whether a URL may become a link: only absolute http(s) URLs do. */
    public static boolean linkable(@Nullable String url) {
        if (url == null) {
            return false;
        }
        String u = url.strip().toLowerCase(Locale.ROOT);
        return u.startsWith("http://") || u.startsWith("https://");
    }

    /** Constant markup written by the renderer itself. */
    public Html raw(String markup) {
        out.append(markup);
        return this;
    }

    /** Escaped text. */
    public Html text(@Nullable String s) {
        out.append(escape(s));
        return this;
    }

    /** {@code <tag class="cls">escaped text</tag>}. */
    public Html el(String tag, @Nullable String cls, @Nullable String text) {
        out.append('<').append(tag);
        if (cls != null) {
            out.append(" class=\"").append(escape(cls)).append('"');
        }
        out.append('>').append(escape(text)).append("</").append(tag).append('>');
        return this;
    }

    /** A link when the URL is http(s), otherwise the URL as text; the label is escaped. */
    public Html link(@Nullable String url, @Nullable String label) {
        if (linkable(url)) {
            out.append("<a href=\"")
                    .append(escape(url))
                    .append("\" rel=\"noopener noreferrer nofollow\">")
                    .append(escape(label))
                    .append("</a>");
        } else {
            out.append(escape(label));
        }
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
