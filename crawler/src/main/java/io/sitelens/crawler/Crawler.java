package io.sitelens.crawler;

import static java.util.Objects.requireNonNull;

import io.sitelens.ErrorCode;
import io.sitelens.EventListener;
import io.sitelens.SitelensException;
import io.sitelens.crawler.internal.CrawlSession;
import io.sitelens.memory.InMemoryStorageAdapter;
import io.sitelens.model.ProjectKey;
import io.sitelens.spi.UsageMeter;
import io.sitelens.spi.crawl.PageCheck;
import io.sitelens.spi.storage.StorageAdapter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * Crawls a site from its start URLs and audits every page. Immutable and thread-safe: one crawler may run
 * several crawls at once (each gets its own connection pool and workers).
 *
 * <pre>{@code
 * Crawler crawler = Crawler.builder()
 *         .config(CrawlConfig.builder().maxPages(500).build())
 *         .storage(storage)
 *         .checks(CrawlerPlugin.builtInChecks())
 *         .build();
 * CrawlResult result = crawler.crawl(ProjectKey.of("acme", "www"), List.of("https://www.example.com/"));
 * }</pre>
 *
 * <p>Results are written to {@link StorageAdapter#crawls()}, the frontier to {@link StorageAdapter#work()}:
 * crawling the same root again resumes an unfinished run unless {@link CrawlConfig#newRun()} is set.
 */
public final class Crawler {
    private final CrawlConfig config;
    private final StorageAdapter storage;
    private final List<PageCheck> checks;
    private final EventListener listener;
    private final UsageMeter usage;
    private final Clock clock;
    private final Set<String> analyticsUrls;

    private Crawler(Builder b) {
        this.config = b.config;
        this.storage = b.storage == null ? new InMemoryStorageAdapter() : b.storage;
        this.checks = List.copyOf(b.checks == null ? CrawlerPlugin.builtInChecks() : b.checks);
        this.listener = b.listener;
        this.usage = b.usage;
        this.clock = b.clock;
        this.analyticsUrls = Set.copyOf(b.analyticsUrls);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder newBuilder() {
        Builder b = new Builder();
        b.config = config;
        b.storage = storage;
        b.checks = checks;
        b.listener = listener;
        b.usage = usage;
        b.clock = clock;
        b.analyticsUrls = new LinkedHashSet<>(analyticsUrls);
        return b;
    }

    public CrawlConfig config() {
        return config;
    }

    public StorageAdapter storage() {
        return storage;
    }

    public List<PageCheck> checks() {
        return checks;
    }

    /**
     * Crawls from {@code startUrls} (the first is the run's root) and returns once the crawl is finished,
     * stopped by a limit, or interrupted (interrupt the calling thread to cancel; the run can be resumed).
     *
     * @throws SitelensException with {@code input.invalid} when a start URL is not an absolute http(s) URL
     */
    public CrawlResult crawl(ProjectKey project, List<String> startUrls) {
        requireNonNull(project, "project");
        if (startUrls.isEmpty()) {
            throw new SitelensException(ErrorCode.INVALID_INPUT, "crawl needs at least one start URL");
        }
        List<HttpUrl> starts = new ArrayList<>();
        for (String s : startUrls) {
            HttpUrl u = s == null ? null : HttpUrl.parse(s.strip());
            if (u == null) {
                throw new SitelensException(
                        ErrorCode.INVALID_INPUT, "start URL '" + s + "' is not an absolute http:// or https:// URL");
            }
            if (u.toString().length() > config.maxUrlLength()) {
                throw new SitelensException(
                        ErrorCode.INVALID_INPUT,
                        "start URL is longer than " + config.maxUrlLength() + " characters (maxUrlLength)");
            }
            starts.add(u);
        }
        return new CrawlSession(project, starts, config, checks, storage, listener, usage, clock, analyticsUrls).run();
    }

    /** Builds a {@link Crawler}. */
    public static final class Builder {
        private CrawlConfig config = CrawlConfig.DEFAULTS;
        private @Nullable StorageAdapter storage;
        private @Nullable List<PageCheck> checks;
        private EventListener listener = EventListener.NONE;
        private UsageMeter usage = UsageMeter.NONE;
        private Clock clock = Clock.systemUTC();
        private Set<String> analyticsUrls = new LinkedHashSet<>();

        private Builder() {}

        public Builder config(CrawlConfig c) {
            config = requireNonNull(c, "config");
            return this;
        }

        /**
         * Takes the store, the discovered page checks (sorted by id), the event listener and the clock of a
         * {@link io.sitelens.Sitelens} instance; pass its {@code usageRecorder(project, "crawler")} to
         * {@link #usage} to meter the crawl.
         */
        public Builder sitelens(io.sitelens.Sitelens sitelens) {
            storage = sitelens.storage();
            List<PageCheck> discovered =
                    new java.util.ArrayList<>(sitelens.pageChecks().values());
            discovered.sort(java.util.Comparator.comparing(PageCheck::id));
            checks = List.copyOf(discovered);
            listener = sitelens.eventListener();
            clock = sitelens.clock();
            return this;
        }

        /** Where runs, pages, links, resources, findings, blobs and the frontier go (in memory by default). */
        public Builder storage(StorageAdapter s) {
            storage = requireNonNull(s, "storage");
            return this;
        }

        /** The checks to run (the built-in ones by default; pass {@code Sitelens.pageChecks().values()}). */
        public Builder checks(List<PageCheck> c) {
            checks = List.copyOf(c);
            return this;
        }

        public Builder eventListener(EventListener l) {
            listener = requireNonNull(l, "listener");
            return this;
        }

        /** Where pages, bytes and requests are metered (requests as {@code API_CALL}). */
        public Builder usage(UsageMeter u) {
            usage = requireNonNull(u, "usage");
            return this;
        }

        public Builder clock(Clock c) {
            clock = requireNonNull(c, "clock");
            return this;
        }

        /** Page URLs analytics reports traffic for: those not linked from the site are orphan pages. */
        public Builder analyticsUrls(Set<String> urls) {
            analyticsUrls = new LinkedHashSet<>(urls);
            return this;
        }

        public Crawler build() {
            return new Crawler(this);
        }
    }
}
