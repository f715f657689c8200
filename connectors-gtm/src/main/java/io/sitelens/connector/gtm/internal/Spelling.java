package io.sitelens.connector.gtm.internal;

import java.util.Locale;

/**
 * The Tag Manager API v2 writes enums in lower camel case ({@code customEvent}, {@code notSet}); container
 * exports write them in upper snake case ({@code CUSTOM_EVENT}, {@code NOT_SET}). These convert either way.
 */
public final class Spelling {
    private Spelling() {}

    /** {@code customEvent} and {@code CUSTOM_EVENT} both give {@code CUSTOM_EVENT}. */
    public static String upperSnake(String text) {
        String t = text.trim();
        if (t.isEmpty() || t.contains("_") || t.equals(t.toUpperCase(Locale.ROOT))) {
            return t.toUpperCase(Locale.ROOT);
        }
        StringBuilder b = new StringBuilder(t.length() + 4);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                b.append('_');
            }
            b.append(Character.toUpperCase(c));
        }
        return b.toString();
    }

    /** {@code CUSTOM_EVENT} and {@code customEvent} both give {@code customEvent}; {@code PAGEVIEW} gives {@code pageview}. */
    public static String lowerCamel(String text) {
        String t = text.trim();
        boolean hasLower = !t.equals(t.toUpperCase(Locale.ROOT));
        if (t.isEmpty() || (hasLower && !t.contains("_"))) {
            return t;
        }
        StringBuilder b = new StringBuilder(t.length());
        boolean upperNext = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '_') {
                upperNext = b.length() > 0;
                continue;
            }
            b.append(upperNext ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upperNext = false;
        }
        return b.toString();
    }
}
