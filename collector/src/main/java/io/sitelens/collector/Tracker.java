package io.sitelens.collector;

import static java.util.Objects.requireNonNull;

import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

/** The {@code sitelens.js} tracker shipped in this jar, and the tag a site pastes into its pages. */
public final class Tracker {
    private Tracker() {}

    /** The minified tracker ({@code sitelens.min.js}). */
    public static byte[] minified() {
        return read("sitelens.min.js");
    }

    /** The readable tracker ({@code sitelens.js}). */
    public static byte[] source() {
        return read("sitelens.js");
    }

    /**
     * The HTML to paste before {@code </head>}: a stub that queues calls until the script loads, and the
     * script tag. The host's consent banner then calls {@code sitelens('consent', {...})}.
     */
    public static String snippet(String siteId, URI endpoint, URI scriptUrl) {
        requireNonNull(siteId, "siteId");
        requireNonNull(endpoint, "endpoint");
        requireNonNull(scriptUrl, "scriptUrl");
        new CollectorSite(siteId, io.sitelens.model.ProjectKey.of("default", "snippet"), java.util.Set.of());
        return "<script>window.sitelens=window.sitelens||function(){(sitelens.q=sitelens.q||[]).push(arguments)}"
                + "</script>\n<script async src=\"" + attr(scriptUrl) + "\" data-site=\"" + attr(siteId)
                + "\" data-endpoint=\"" + attr(endpoint) + "\"></script>\n"
                + "<!-- after the visitor's choice in your consent banner:\n"
                + "     sitelens('consent', {behaviour: true, geolocation: false, cookie: false, notice: 'v1'}) -->\n";
    }

    private static String attr(Object value) {
        return value.toString().replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }

    private static byte[] read(String name) {
        try (InputStream in = Tracker.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new SitelensException(ErrorCode.INTERNAL, "collector: " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new SitelensException(ErrorCode.INTERNAL, "collector: cannot read " + name, e);
        }
    }
}
