package io.sitelens;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** One page of a listing and the cursor of the next page (null on the last page). */
public record ResultPage<T>(List<T> items, @Nullable String nextCursor) {
    public ResultPage {
        items = List.copyOf(requireNonNull(items, "items"));
    }

    public boolean hasMore() {
        return nextCursor != null;
    }

    /**
     * Pages {@code all} by a sort key: items are ordered by {@code key} (a string whose natural order is the
     * listing's order, unique per item), and the cursor is the key of the last item returned.
     */
    public static <T> ResultPage<T> of(List<T> all, Function<T, String> key, PageRequest request) {
        String after = request.cursor() == null ? null : decode(request.cursor());
        List<T> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparing(key));
        List<T> out = new ArrayList<>(Math.min(request.limit(), sorted.size()));
        boolean more = false;
        for (T item : sorted) {
            if (after != null && key.apply(item).compareTo(after) <= 0) {
                continue;
            }
            if (out.size() == request.limit()) {
                more = true;
                break;
            }
            out.add(item);
        }
        String next = more ? encode(key.apply(out.get(out.size() - 1))) : null;
        return new ResultPage<>(out, next);
    }

    private static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new SitelensException(ErrorCode.INVALID_INPUT, "not a cursor of this listing: '" + cursor + "'");
        }
    }
}
