package io.sitelens.collector;

import static java.util.Objects.requireNonNull;

import io.sitelens.model.ProjectKey;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A site the collector accepts batches for: the id in the tag ({@code data-site}), the project its events
 * belong to, and the origins ({@code https://www.example.org}) whose pages may send them (empty: any).
 */
public record CollectorSite(String id, ProjectKey project, Set<String> origins) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public CollectorSite {
        requireNonNull(id, "id");
        requireNonNull(project, "project");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("collector site id must match " + ID.pattern() + ": " + id);
        }
        origins = requireNonNull(origins, "origins").stream()
                .map(CollectorSite::origin)
                .collect(Collectors.toUnmodifiableSet());
    }

    public static CollectorSite of(String id, ProjectKey project, String... origins) {
        return new CollectorSite(id, project, Set.of(origins));
    }

    /** True when a page of {@code origin} may send batches (or the site lists no origins). */
    public boolean allows(String origin) {
        return origins.isEmpty() || origins.contains(origin.toLowerCase(Locale.ROOT));
    }

    private static String origin(String value) {
        URI u = URI.create(value.trim());
        if (u.getScheme() == null || u.getHost() == null) {
            throw new IllegalArgumentException("collector origin must be like https://www.example.org: " + value);
        }
        return (u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort()))
                .toLowerCase(Locale.ROOT);
    }
}
