package io.sitelens.privacy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Collects every value reachable from an in-memory store: strings, numbers, bytes (as text), keys. */
final class StoreScan {
    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<String> out = new ArrayList<>();

    static List<String> of(Object root) throws IllegalAccessException {
        StoreScan s = new StoreScan();
        s.walk(root);
        return s.out;
    }

    private void walk(Object o) throws IllegalAccessException {
        if (o == null || !seen.add(o)) {
            return;
        }
        if (o instanceof CharSequence
                || o instanceof Number
                || o instanceof Boolean
                || o instanceof Character
                || o instanceof Enum<?>
                || o instanceof TemporalAccessor) {
            out.add(o.toString());
            return;
        }
        if (o instanceof byte[] b) {
            out.add(new String(b, StandardCharsets.ISO_8859_1));
            return;
        }
        if (o instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : List.copyOf(m.entrySet())) {
                walk(e.getKey());
                walk(e.getValue());
            }
            return;
        }
        if (o instanceof Collection<?> c) {
            for (Object x : List.copyOf(c)) {
                walk(x);
            }
            return;
        }
        if (o instanceof Optional<?> opt) {
            walk(opt.orElse(null));
            return;
        }
        if (o instanceof Object[] arr) {
            for (Object x : arr) {
                walk(x);
            }
            return;
        }
        if (o.getClass().getName().startsWith("java.") || o.getClass().getName().startsWith("javax.")) {
            return; // locks, random generators
        }
        for (Class<?> c = o.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                f.setAccessible(true);
                Object v = f.get(o);
                if (f.getType().isPrimitive()) {
                    out.add(String.valueOf(v));
                } else {
                    walk(v);
                }
            }
        }
    }
}
