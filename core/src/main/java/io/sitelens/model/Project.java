package io.sitelens.model;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A website under analysis: its main URL, additional URLs (other hosts or sections to crawl), the time zone
 * its analytics days are counted in, its connector bindings, how often its jobs run, retention overrides, and
 * whether it is archived. Built with {@link #builder}.
 *
 * @param cadences job ({@code sync}, {@code crawl}, {@code insights}, {@code retention}) → how often it runs
 * @param retention data category → retention period overriding the privacy defaults
 * @param archived an archived project keeps its data but is left out of scheduling and default listings
 */
public record Project(
        ProjectKey key,
        String name,
        URI mainUrl,
        List<URI> additionalUrls,
        ZoneId zone,
        List<ConnectorBinding> bindings,
        Map<String, java.time.Duration> cadences,
        Map<String, java.time.Period> retention,
        boolean archived) {

    public Project {
        requireNonNull(key, "key");
        requireNonNull(name, "name");
        requireNonNull(mainUrl, "mainUrl");
        requireNonNull(zone, "zone");
        checkWebUrl("mainUrl", mainUrl);
        additionalUrls = List.copyOf(requireNonNull(additionalUrls, "additionalUrls"));
        additionalUrls.forEach(u -> checkWebUrl("additionalUrls", u));
        bindings = List.copyOf(requireNonNull(bindings, "bindings"));
        cadences = Map.copyOf(requireNonNull(cadences, "cadences"));
        retention = Map.copyOf(requireNonNull(retention, "retention"));
        cadences.forEach((job, d) -> {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("cadence of " + job + " must be positive, got " + d);
            }
        });
        Map<String, ConnectorBinding> seen = new LinkedHashMap<>();
        for (ConnectorBinding b : bindings) {
            if (seen.put(b.bindingId(), b) != null) {
                throw new IllegalArgumentException(
                        "binding id '" + b.bindingId() + "' is used twice in project " + key);
            }
        }
    }

    private static void checkWebUrl(String field, URI uri) {
        String scheme = uri.getScheme();
        if (scheme == null
                || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    field + " must be an absolute http(s) URL with a host, got '" + uri + "'");
        }
    }

    public Optional<ConnectorBinding> binding(String bindingId) {
        return bindings.stream().filter(b -> b.bindingId().equals(bindingId)).findFirst();
    }

    /** Every URL the crawler starts from: the main URL first. */
    public List<URI> startUrls() {
        List<URI> all = new ArrayList<>(additionalUrls.size() + 1);
        all.add(mainUrl);
        all.addAll(additionalUrls);
        return List.copyOf(all);
    }

    public static Builder builder(ProjectKey key, URI mainUrl) {
        return new Builder(key, mainUrl);
    }

    public Builder newBuilder() {
        Builder b = new Builder(key, mainUrl).name(name).zone(zone).archived(archived);
        additionalUrls.forEach(b::additionalUrl);
        bindings.forEach(b::binding);
        cadences.forEach(b::cadence);
        retention.forEach(b::retention);
        return b;
    }

    public static final class Builder {
        private final ProjectKey key;
        private URI mainUrl;
        private String name;
        private ZoneId zone = ZoneId.of("UTC");
        private final List<URI> additionalUrls = new ArrayList<>();
        private final List<ConnectorBinding> bindings = new ArrayList<>();
        private final Map<String, java.time.Duration> cadences = new LinkedHashMap<>();
        private final Map<String, java.time.Period> retention = new LinkedHashMap<>();
        private boolean archived;

        private Builder(ProjectKey key, URI mainUrl) {
            this.key = requireNonNull(key, "key");
            this.mainUrl = requireNonNull(mainUrl, "mainUrl");
            this.name = key.project().value();
        }

        public Builder mainUrl(URI url) {
            this.mainUrl = requireNonNull(url, "url");
            return this;
        }

        public Builder name(String name) {
            this.name = requireNonNull(name, "name");
            return this;
        }

        public Builder zone(ZoneId zone) {
            this.zone = requireNonNull(zone, "zone");
            return this;
        }

        public Builder additionalUrl(URI url) {
            additionalUrls.add(requireNonNull(url, "url"));
            return this;
        }

        public Builder binding(ConnectorBinding binding) {
            bindings.add(requireNonNull(binding, "binding"));
            return this;
        }

        /** How often a job ({@code sync}, {@code crawl}, {@code insights}, {@code retention}) runs. */
        public Builder cadence(String job, java.time.Duration every) {
            cadences.put(requireNonNull(job, "job"), requireNonNull(every, "every"));
            return this;
        }

        /** A retention period overriding the default of a data category. */
        public Builder retention(String category, java.time.Period period) {
            retention.put(requireNonNull(category, "category"), requireNonNull(period, "period"));
            return this;
        }

        public Builder archived(boolean isArchived) {
            this.archived = isArchived;
            return this;
        }

        /** Replaces the bindings. */
        public Builder clearBindings() {
            bindings.clear();
            return this;
        }

        public Project build() {
            return new Project(key, name, mainUrl, additionalUrls, zone, bindings, cadences, retention, archived);
        }
    }
}
