package io.sitelens.crawler.internal;

import io.sitelens.model.ResourceType;
import org.jspecify.annotations.Nullable;

/** A frontier entry as stored in the work queue: {@code P|depth|url}, {@code R|TYPE|url}, {@code X|TYPE|url}. */
record FrontierItem(char kind, int depth, ResourceType type, String url) {
    static String page(String url, int depth) {
        return "P|" + depth + "|" + url;
    }

    static String resource(String url, ResourceType type) {
        return "R|" + type.name() + "|" + url;
    }

    static String external(String url, ResourceType type) {
        return "X|" + type.name() + "|" + url;
    }

    String dedupeKey() {
        return kind + "|" + url;
    }

    static @Nullable FrontierItem parse(String s) {
        int a = s.indexOf('|');
        int b = a < 0 ? -1 : s.indexOf('|', a + 1);
        if (a != 1 || b < 0) {
            return null;
        }
        char kind = s.charAt(0);
        String mid = s.substring(a + 1, b);
        String url = s.substring(b + 1);
        try {
            if (kind == 'P') {
                return new FrontierItem(kind, Integer.parseInt(mid), ResourceType.HTML, url);
            }
            return new FrontierItem(kind, 0, ResourceType.valueOf(mid), url);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
