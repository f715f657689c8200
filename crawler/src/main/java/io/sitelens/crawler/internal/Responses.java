package io.sitelens.crawler.internal;

import io.sitelens.model.ResourceType;
import java.nio.charset.Charset;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/** What the crawl reads off a response: robots headers, charset, header map, resource type, body hash. */
final class Responses {
    private Responses() {}

    static boolean noFollowHeader(Map<String, List<String>> headers) {
        List<String> v = headers.get("x-robots-tag");
        if (v == null) {
            return false;
        }
        for (String s : v) {
            String l = s.toLowerCase(Locale.ROOT);
            if (l.contains("nofollow") || l.contains("none")) {
                return true;
            }
        }
        return false;
    }

    static boolean noIndexHeader(Map<String, List<String>> headers) {
        List<String> v = headers.get("x-robots-tag");
        if (v == null) {
            return false;
        }
        for (String s : v) {
            String l = s.toLowerCase(Locale.ROOT);
            if (l.contains("noindex") || l.contains("none")) {
                return true;
            }
        }
        return false;
    }

    static Map<String, List<String>> headerMap(Headers headers) {
        Map<String, List<String>> m = new HashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            m.computeIfAbsent(headers.name(i).toLowerCase(Locale.ROOT), k -> new ArrayList<>(1))
                    .add(headers.value(i));
        }
        return m;
    }

    static @Nullable String charsetOf(@Nullable String contentType) {
        if (contentType == null) {
            return null;
        }
        int i = contentType.toLowerCase(Locale.ROOT).indexOf("charset=");
        if (i < 0) {
            return null;
        }
        String cs = contentType.substring(i + 8).replace("\"", "").replace("'", "");
        int end = cs.indexOf(';');
        cs = (end < 0 ? cs : cs.substring(0, end)).strip();
        try {
            return Charset.isSupported(cs) ? cs : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static final java.util.regex.Pattern FONT_PATH =
            java.util.regex.Pattern.compile(".*\\.(woff2?|ttf|otf|eot)$");
    private static final java.util.regex.Pattern IMAGE_PATH =
            java.util.regex.Pattern.compile(".*\\.(png|jpe?g|gif|webp|avif|svg|ico|bmp)$");

    static ResourceType typeFromPath(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        if (FONT_PATH.matcher(p).matches()) {
            return ResourceType.FONT;
        }
        if (p.endsWith(".css")) {
            return ResourceType.CSS;
        }
        if (IMAGE_PATH.matcher(p).matches()) {
            return ResourceType.IMAGE;
        }
        return ResourceType.OTHER;
    }

    static String sha256(byte[] body) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(body);
            StringBuilder sb = new StringBuilder(64);
            for (byte b : d) {
                sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
