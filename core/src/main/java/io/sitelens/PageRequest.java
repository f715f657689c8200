package io.sitelens;

import org.jspecify.annotations.Nullable;

/**
 * Which page of a listing to read: at most {@code limit} items after {@code cursor} (null for the first page).
 * Cursors are opaque and stable: they name the last item read, not an offset, so items written while a host
 * pages through a listing never make it skip or repeat an item that was there when it started.
 */
public record PageRequest(int limit, @Nullable String cursor) {
    public static final int MAX_LIMIT = 1000;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("page limit must be within 1.." + MAX_LIMIT + ", got " + limit);
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, null);
    }

    /** The request for the page after {@code page}, with the same limit. */
    public PageRequest after(ResultPage<?> page) {
        return new PageRequest(limit, page.nextCursor());
    }
}
