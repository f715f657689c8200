package io.sitelens.crawler.internal;

import crawlercommons.domains.EffectiveTldFinder;
import crawlercommons.robots.BaseRobotRules;
import io.sitelens.EventListener;
import io.sitelens.Outcome;
import io.sitelens.SitelensException;
import io.sitelens.crawler.CrawlConfig;
import io.sitelens.crawler.CrawlReport;
import io.sitelens.crawler.CrawlResult;
import io.sitelens.crawler.CrawlScope;
import io.sitelens.crawler.PageRenderer;
import io.sitelens.model.Finding;
import io.sitelens.model.Link;
import io.sitelens.model.Page;
import io.sitelens.model.ProjectKey;
import io.sitelens.model.Resource;
import io.sitelens.model.ResourceType;
import io.sitelens.model.UsageKind;
import io.sitelens.spi.UsageMeter;
import io.sitelens.spi.crawl.FindingSink;
import io.sitelens.spi.crawl.PageCheck;
import io.sitelens.spi.storage.BlobRef;
import io.sitelens.spi.storage.CrawlRun;
import io.sitelens.spi.storage.StorageAdapter;
import io.sitelens.spi.storage.WorkItem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One crawl run. Workers take frontier URLs from memory, fetch with per-host politeness, parse once and run the
 * page checks; a {@link ResultWriter} thread stores each page's results together with the frontier URLs it
 * revealed (the store's {@code WorkQueue} is the frontier's durable copy), so no worker waits for the database
 * and a killed crawl resumes from what was stored. Site checks run at the end over what was found.
 */
public final class CrawlSession {
    private static final Logger LOG = LoggerFactory.getLogger(CrawlSession.class);
    private static final String PHASE = "crawl";

    private static final Duration LEASE = Duration.ofHours(1);
    /** Depth recorded for pages known only from sitemaps (no click path from a start URL). */
    private static final int UNLINKED = 1_000_000;

    private static final Pattern CSS_URL =
            Pattern.compile("url\\(\\s*['\"]?([^'\")]+)['\"]?\\s*\\)|@import\\s+['\"]([^'\"]+)['\"]");

    private final ProjectKey project;
    private final List<HttpUrl> starts;
    private final CrawlConfig config;
    private final List<PageCheck> checks;
    private final StorageAdapter storage;
    private final EventListener listener;
    private final UsageMeter usage;
    private final Clock clock;
    private final Set<String> analyticsUrls;
    private final UrlNormalizer normalizer;
    private final Set<String> scopeKeys = new HashSet<>();

    private final Fetcher fetcher;
    private final Politeness politeness;

    // frontier and dedupe
    private final ConcurrentHashMap<String, Integer> known = new ConcurrentHashMap<>();
    private final Set<String> fetchedPages = ConcurrentHashMap.newKeySet();
    private final ArrayDeque<String> local = new ArrayDeque<>(); // guarded by frontierLock
    private int inFlight; // guarded by frontierLock
    private final Object frontierLock = new Object();

    // results
    private final List<Page> pages = java.util.Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentHashMap<String, Resource> resources = new ConcurrentHashMap<>();
    private final List<Link> links = java.util.Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentHashMap<String, String> descriptions = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> canonicals = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> redirects = new ConcurrentHashMap<>();
    private final Set<String> blockedByRobots = ConcurrentHashMap.newKeySet();
    private final Set<String> sitemapUrls = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<String, String> sitemapProblems = new ConcurrentHashMap<>();

    // background writes
    private @Nullable ResultWriter writer;

    // counters
    private final CrawlTally tally = new CrawlTally();
    private final AtomicLong pagesFetched = new AtomicLong();
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private volatile @Nullable String stopReason;
    private volatile boolean pageLimitReached;
    private volatile @Nullable RuntimeException failure;

    private long runId;
    private String queue = "";
    private final String worker;

    /** A page or resource's results, stored as one unit with the frontier URLs it revealed. */
    private record Unit(List<String> frontier, List<Link> links) {
        static final Unit NONE = new Unit(List.of(), List.of());
    }

    public CrawlSession(
            ProjectKey project,
            List<HttpUrl> starts,
            CrawlConfig config,
            List<PageCheck> checks,
            StorageAdapter storage,
            EventListener listener,
            UsageMeter usage,
            Clock clock,
            Set<String> analyticsUrls) {
        this.project = project;
        this.config = config;
        this.checks = List.copyOf(checks);
        this.storage = storage;
        this.listener = listener;
        this.usage = usage;
        this.clock = clock;
        this.normalizer = new UrlNormalizer(config.maxUrlLength());
        List<HttpUrl> s = new ArrayList<>();
        for (HttpUrl u : starts) {
            s.add(normalizer.normalize(u));
        }
        this.starts = List.copyOf(s);
        Set<String> a = new HashSet<>();
        for (String u : analyticsUrls) {
            HttpUrl p = normalizer.parse(u);
            if (p != null) {
                a.add(p.toString());
            }
        }
        this.analyticsUrls = Set.copyOf(a);
        for (HttpUrl u : this.starts) {
            scopeKeys.add(scopeKey(u.host()));
        }
        this.fetcher = new Fetcher(config);
        this.politeness = new Politeness(fetcher, config, clock, this::warn, this::count);
        this.worker = "crawler-" + ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime());
    }

    // ---------------------------------------------------------------- scope

    private String scopeKey(String host) {
        if (config.scope() == CrawlScope.HOST) {
            return host;
        }
        String domain = null;
        try {
            domain = EffectiveTldFinder.getAssignedDomain(host, true, false);
        } catch (RuntimeException e) {
            LOG.debug("no registrable domain for {}: {}", host, e.toString());
        }
        return domain == null ? host : domain;
    }

    boolean inScope(HttpUrl url) {
        return scopeKeys.contains(scopeKey(url.host()));
    }

    // ---------------------------------------------------------------- run

    public CrawlResult run() {
        long started = System.nanoTime();
        String root = starts.get(0).toString();
        boolean resumed = openRun(root);
        listener.phaseStarted(PHASE, -1);
        CrawlRun.Status status;
        try {
            if (!resumed) {
                seed();
            }
            work();
            RuntimeException f = failure != null ? failure : writer().failure();
            if (f != null) {
                throw f;
            }
            if (Thread.currentThread().isInterrupted()) {
                status = CrawlRun.Status.INTERRUPTED;
                stopReason = "cancelled";
            } else {
                status = stopReason == null ? CrawlRun.Status.COMPLETED : CrawlRun.Status.INTERRUPTED;
            }
            if (status == CrawlRun.Status.COMPLETED) {
                siteChecks();
            }
            writer().finish();
            if (status == CrawlRun.Status.COMPLETED) {
                storage.work().clear(project, queue); // a completed run is never resumed: its frontier is spent
            }
            storage.crawls().finishRun(project, runId, status, clock.instant());
            listener.phaseFinished(
                    PHASE,
                    status == CrawlRun.Status.COMPLETED
                            ? new Outcome.Succeeded(PHASE, pagesFetched.get() + " pages")
                            : new Outcome.Skipped(PHASE, stopReason == null ? "interrupted" : stopReason));
        } catch (RuntimeException e) {
            try {
                if (writer != null) {
                    writer.finish(); // stores what was found before the failure
                }
            } catch (RuntimeException suppressed) {
                if (suppressed != e) { // a failed write is usually the very failure being reported
                    e.addSuppressed(suppressed);
                }
            }
            try {
                storage.crawls().finishRun(project, runId, CrawlRun.Status.INTERRUPTED, clock.instant());
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            listener.phaseFinished(
                    PHASE,
                    e instanceof io.sitelens.SitelensException se
                            ? Outcome.Failed.of(PHASE, se)
                            : new Outcome.Failed(PHASE, io.sitelens.ErrorCode.INTERNAL, String.valueOf(e)));
            throw e;
        } finally {
            fetcher.close();
        }
        long durationMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
        return result(root, status, resumed, durationMs);
    }

    private boolean openRun(String root) {
        var previous = storage.crawls().latestRun(project, root);
        if (!config.newRun()
                && previous.isPresent()
                && (previous.get().status() == CrawlRun.Status.RUNNING
                        || previous.get().status() == CrawlRun.Status.INTERRUPTED)) {
            runId = previous.get().id();
            queue = "crawl:" + runId;
            writer = new ResultWriter(storage, project, runId, queue);
            restore();
            return true;
        }
        CrawlRun run = storage.crawls().startRun(project, root, clock.instant());
        runId = run.id();
        queue = "crawl:" + runId;
        storage.work().clear(project, queue);
        writer = new ResultWriter(storage, project, runId, queue);
        return false;
    }

    /**
     * Rebuilds what a killed or interrupted run had stored, so it continues where it stopped: stored pages and
     * resources are done, and every stored frontier URL is offered again (those already done are skipped).
     */
    private void restore() {
        for (Page p : storage.crawls().pages(project, runId)) {
            pages.add(p);
            known.put(p.url(), p.depth());
            fetchedPages.add(p.url());
            if (p.redirectTarget() != null) {
                redirects.put(p.url(), p.redirectTarget());
            }
        }
        pagesFetched.set(pages.size());
        for (Resource r : storage.crawls().resources(project, runId)) {
            resources.put(r.url(), r);
            known.put(key(r), 0);
        }
        links.addAll(storage.crawls().links(project, runId));
        for (Finding f : storage.crawls().findings(project, runId)) {
            tally.finding(f);
        }
        // everything not done is ours again: the previous owner of this run is gone
        Instant reclaimAt = clock.instant().plus(LEASE).plusSeconds(1);
        int claimed;
        do {
            List<WorkItem> items = storage.work().claim(project, queue, worker, 1000, LEASE, reclaimAt);
            claimed = items.size();
            for (WorkItem w : items) {
                FrontierItem it = FrontierItem.parse(w.item());
                if (it != null) {
                    known.putIfAbsent(it.dedupeKey(), it.depth());
                    boolean done = it.kind() == 'P' ? fetchedPages.contains(it.url()) : resources.containsKey(it.url());
                    if (done) {
                        continue; // stored before the run stopped
                    }
                }
                synchronized (frontierLock) {
                    local.add(w.item());
                }
            }
        } while (claimed > 0 && local.size() < 10_000_000);
        warn("resuming crawl run " + runId + " of " + starts.get(0) + ": " + pages.size() + " pages stored, "
                + local.size() + " URLs left");
    }

    private static String key(Resource r) {
        return (r.external() ? "X|" : "R|") + r.url();
    }

    private void seed() {
        List<String> items = new ArrayList<>();
        for (HttpUrl s : starts) {
            if (known.putIfAbsent("P|" + s, 0) == null) {
                items.add(FrontierItem.page(s.toString(), 0));
            }
        }
        if (config.readSitemaps()) {
            items.addAll(readSitemaps());
        }
        storage.work().enqueue(project, queue, items);
        dispatch(items);
    }

    private ResultWriter writer() {
        ResultWriter w = writer;
        if (w == null) {
            throw new IllegalStateException("the crawl run is not open");
        }
        return w;
    }

    /** Stores one unit of results, then hands the frontier URLs it revealed to the workers. */
    private void submit(Unit unit, @Nullable Page page, @Nullable Resource resource, List<Finding> findings) {
        try {
            writer().submit(unit.frontier(), page, unit.links(), resource, findings);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopReason = "cancelled";
            return;
        }
        dispatch(unit.frontier());
    }

    private void dispatch(Collection<String> items) {
        if (items.isEmpty()) {
            return;
        }
        synchronized (frontierLock) {
            local.addAll(items);
            frontierLock.notifyAll();
        }
    }

    // ---------------------------------------------------------------- sitemaps

    private List<String> readSitemaps() {
        Set<String> candidates = new LinkedHashSet<>();
        Set<String> hosts = new LinkedHashSet<>();
        for (HttpUrl s : starts) {
            String origin = Politeness.origin(s);
            if (hosts.add(origin)) {
                BaseRobotRules rules = politeness.robots(s);
                for (String sm : rules.getSitemaps()) {
                    candidates.add(sm);
                }
                candidates.add(origin + "/sitemap.xml");
            }
        }
        ArrayDeque<String> todo = new ArrayDeque<>(candidates);
        Set<String> done = new HashSet<>();
        List<String> items = new ArrayList<>();
        int budget = 1000;
        int urlBudget = Math.max(config.maxPages() * 2, 1000);
        while (!todo.isEmpty() && budget-- > 0 && !Thread.currentThread().isInterrupted()) {
            String sm = todo.poll();
            if (!done.add(sm)) {
                continue;
            }
            HttpUrl u = HttpUrl.parse(sm);
            if (u == null) {
                sitemapProblems.put(sm, "not an http(s) URL");
                continue;
            }
            Fetcher.Result r = politeness.request(u, "GET", (st, ct) -> st >= 200 && st < 300);
            if (r.status() == 0 || r.status() >= 400 || r.body() == null) {
                if (!candidates.contains(sm) || !sm.endsWith("/sitemap.xml") || politeness.listsSitemap(sm)) {
                    sitemapProblems.put(sm, r.status() == 0 ? String.valueOf(r.error()) : "status " + r.status());
                }
                continue;
            }
            SitemapReader.Parsed parsed = SitemapReader.parse(sm, r.contentType(), r.body(), urlBudget);
            if (parsed.problem() != null) {
                sitemapProblems.put(sm, parsed.problem());
            }
            todo.addAll(parsed.children());
            for (String pageUrl : parsed.urls()) {
                HttpUrl p = normalizer.parse(pageUrl);
                if (p == null || urlBudget-- <= 0) {
                    continue;
                }
                String norm = p.toString();
                sitemapUrls.add(norm);
                if (inScope(p) && normalizer.withinLimit(p) && known.putIfAbsent("P|" + norm, UNLINKED) == null) {
                    items.add(FrontierItem.page(norm, UNLINKED));
                }
            }
        }
        return items;
    }

    private void count(Fetcher.Result r) {
        long total = tally.request(r);
        usage.record(UsageKind.API_CALL, 1);
        if (r.bodyBytes() > 0) {
            usage.record(UsageKind.BYTES_FETCHED, r.bodyBytes());
        }
        if (total > config.maxTotalBytes() && stopReason == null) {
            stopReason = "total bytes limit of " + config.maxTotalBytes() + " reached (maxTotalBytes)";
            warn("crawl stopped: " + stopReason);
        }
    }

    // ---------------------------------------------------------------- workers

    private void work() {
        int n = config.concurrency();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Thread t = new Thread(this::workerLoop, "sitelens-crawl-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        try {
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException e) {
            for (Thread t : threads) {
                t.interrupt();
            }
            stopReason = "cancelled";
            Thread.currentThread().interrupt();
            for (Thread t : threads) {
                try {
                    t.join(config.requestTimeout().toMillis() + 1000);
                } catch (InterruptedException again) {
                    break;
                }
            }
        }
    }

    private void workerLoop() {
        try {
            while (true) {
                String item = next();
                if (item == null) {
                    return;
                }
                try {
                    process(item);
                } catch (RuntimeException e) {
                    LOG.warn("crawl of {} failed: {}", item, e.toString(), e);
                    failure = e;
                    stopReason = "internal error: " + e;
                } finally {
                    synchronized (frontierLock) {
                        inFlight--;
                        frontierLock.notifyAll();
                    }
                }
            }
        } catch (InterruptedException e) {
            stopReason = "cancelled";
        }
    }

    /** The next frontier URL, or null when none is left and no worker can reveal more (or the crawl stops). */
    private @Nullable String next() throws InterruptedException {
        synchronized (frontierLock) {
            while (true) {
                RuntimeException storing = writer().failure();
                if (storing != null && failure == null) {
                    failure = storing;
                    stopReason = "storing results failed: " + storing.getMessage();
                }
                if (stopReason != null || Thread.currentThread().isInterrupted()) {
                    return null;
                }
                String item = local.poll();
                if (item != null) {
                    inFlight++;
                    return item;
                }
                if (inFlight == 0) {
                    frontierLock.notifyAll();
                    return null;
                }
                frontierLock.wait(50);
            }
        }
    }

    private void process(String item) {
        FrontierItem it = FrontierItem.parse(item);
        if (it == null) {
            LOG.warn("unknown frontier item {}", item);
            return;
        }
        switch (it.kind()) {
            case 'P' -> processPage(it);
            case 'R' -> processResource(it, false);
            case 'X' -> processResource(it, true);
            default -> LOG.warn("unknown frontier item {}", item);
        }
    }

    // ---------------------------------------------------------------- pages

    private void processPage(FrontierItem it) {
        HttpUrl start = HttpUrl.parse(it.url());
        if (start == null || !fetchedPages.add(it.url())) {
            return;
        }
        if (pagesFetched.get() >= config.maxPages()) {
            fetchedPages.remove(it.url());
            if (!pageLimitReached) {
                pageLimitReached = true;
                warn("page limit of " + config.maxPages() + " reached (maxPages); further URLs are not fetched");
            }
            return;
        }
        Integer d = known.get("P|" + it.url());
        int depth = d == null ? it.depth() : Math.min(d, it.depth());
        if (!politeness.allowed(start)) {
            blockedByRobots.add(it.url());
            return;
        }
        pagesFetched.incrementAndGet();
        usage.record(UsageKind.PAGE_FETCHED, 1);

        List<HttpUrl> requested = new ArrayList<>();
        List<Fetcher.Result> results = new ArrayList<>();
        List<String> chain = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        HttpUrl current = start;
        visited.add(current.toString());
        while (true) {
            Fetcher.Result r = politeness.request(
                    current, "GET", (st, ct) -> st >= 200 && st < 300 && (ct == null || ct.contains("html")));
            if (Politeness.isCancelled(r)) {
                for (HttpUrl u : requested) {
                    fetchedPages.remove(u.toString());
                }
                fetchedPages.remove(current.toString());
                pagesFetched.decrementAndGet();
                return;
            }
            requested.add(current);
            results.add(r);
            String location = r.location();
            HttpUrl next = location == null ? null : normalizer.resolve(current, location);
            if (next == null) {
                break;
            }
            chain.add(next.toString());
            if (!visited.add(next.toString())
                    || !inScope(next)
                    || chain.size() > config.maxRedirects()
                    || !normalizer.withinLimit(next)
                    || !fetchedPages.add(next.toString())) {
                break;
            }
            if (!politeness.allowed(next)) {
                blockedByRobots.add(next.toString());
                break;
            }
            current = next;
        }
        for (int i = 0; i < results.size(); i++) {
            Fetcher.Result r = results.get(i);
            String url = requested.get(i).toString();
            if (r.location() != null && i < chain.size()) {
                String target = chain.get(i);
                redirects.put(url, target);
                FetchedPage ctx = new FetchedPage(
                        url,
                        r.status(),
                        Responses.headerMap(r.headers()),
                        r.contentType(),
                        null,
                        null,
                        r.bodyBytes(),
                        r.ttfb(),
                        depth,
                        chain.subList(i, chain.size()),
                        null,
                        r.error(),
                        false);
                List<Finding> found = new ArrayList<>();
                Page page = record(ctx, target, null, found);
                submit(Unit.NONE, page, null, found);
            } else {
                handleFinal(url, r, depth);
            }
        }
        progress();
    }

    private void handleFinal(String url, Fetcher.Result r, int depth) {
        HtmlPage html = null;
        Charset charset = null;
        String sha = null;
        byte[] body = r.body();
        HttpUrl base = HttpUrl.parse(url);
        if (body != null && r.isHtml() && base != null) {
            sha = Responses.sha256(body);
            try {
                Document doc = Jsoup.parse(new ByteArrayInputStream(body), Responses.charsetOf(r.contentType()), url);
                charset = doc.charset();
                PageRenderer renderer = config.renderer();
                if (renderer != null && r.status() >= 200 && r.status() < 300) {
                    try {
                        doc = Jsoup.parse(renderer.render(url), url);
                    } catch (SitelensException e) {
                        warn("could not render " + url + " (kept the fetched HTML): " + e.getMessage());
                    }
                }
                html = new HtmlPage(doc, base, normalizer);
            } catch (IOException | RuntimeException e) {
                warn("could not parse " + url + ": " + e.getMessage());
            }
        } else if (body != null) {
            sha = Responses.sha256(body);
        }
        if (r.truncated()) {
            warn(url + " is over the decoded size limit of " + config.maxDecodedBytes()
                    + " bytes (maxDecodedBytes); only its start was read");
        }
        FetchedPage ctx = new FetchedPage(
                url,
                r.status(),
                Responses.headerMap(r.headers()),
                r.contentType(),
                body,
                charset,
                r.bodyBytes(),
                r.ttfb(),
                depth,
                List.of(),
                html,
                r.error(),
                r.truncated());
        List<Finding> found = new ArrayList<>();
        Page page = record(ctx, null, sha, found);
        Unit unit = html != null && ctx.isHtmlOk() && base != null ? follow(ctx, html, base, depth) : Unit.NONE;
        submit(unit, page, null, found);
    }

    /** Records the page's links and returns them with the frontier URLs they add. */
    private Unit follow(FetchedPage ctx, HtmlPage html, HttpUrl base, int depth) {
        String from = ctx.url();
        int childDepth = depth >= UNLINKED ? 1 : depth + 1;
        boolean followLinks = !html.metaNofollow() && !Responses.noFollowHeader(ctx.headers());
        List<String> items = new ArrayList<>();
        List<Link> found = new ArrayList<>();
        Set<String> targets = new HashSet<>();
        for (HtmlPage.Anchor a : html.anchors()) {
            HttpUrl to = a.url();
            if (to == null || !normalizer.withinLimit(to)) {
                continue;
            }
            String target = to.toString();
            if (!targets.add(target)) {
                continue;
            }
            boolean internal = inScope(to);
            found.add(new Link(from, target, a.text(), a.nofollow(), internal));
            if (internal) {
                String k = "P|" + target;
                Integer prev = known.putIfAbsent(k, childDepth);
                if (prev == null) {
                    if (followLinks && !a.nofollow() && childDepth <= config.maxDepth()) {
                        items.add(FrontierItem.page(target, childDepth));
                    } else {
                        known.remove(k);
                    }
                } else if (prev > childDepth) {
                    known.put(k, childDepth);
                }
            } else if (config.checkExternal() && known.putIfAbsent("X|" + target, 0) == null) {
                items.add(FrontierItem.external(target, ResourceType.DOCUMENT));
            }
        }
        for (HtmlPage.Ref ref : html.resources()) {
            String target = ref.url().toString();
            if (!normalizer.withinLimit(ref.url())) {
                continue;
            }
            if (inScope(ref.url())) {
                if (config.fetchResources() && known.putIfAbsent("R|" + target, 0) == null) {
                    items.add(FrontierItem.resource(target, ref.type()));
                }
            } else if (config.checkExternal() && known.putIfAbsent("X|" + target, 0) == null) {
                items.add(FrontierItem.external(target, ref.type()));
            }
        }
        links.addAll(found);
        return new Unit(items, found);
    }

    /** Builds the page's row and runs the page checks; their findings are tallied and added to {@code found}. */
    private Page record(FetchedPage ctx, @Nullable String redirectTarget, @Nullable String sha, List<Finding> found) {
        HtmlPage html = ctx.html();
        boolean indexable =
                ctx.isHtmlOk() && html != null && !html.metaNoindex() && !Responses.noIndexHeader(ctx.headers());
        int depth = ctx.depth() >= UNLINKED ? 1 : ctx.depth();
        Page page = new Page(
                ctx.url(),
                ctx.statusCode(),
                ctx.contentType(),
                depth,
                ctx.bodyBytes(),
                ctx.responseTime(),
                html == null ? null : html.title(),
                indexable,
                sha,
                redirectTarget,
                clock.instant());
        pages.add(page);
        if (html != null && ctx.isHtmlOk()) {
            if (html.description() != null) {
                descriptions.put(ctx.url(), html.description());
            }
            if (html.canonicals().size() == 1) {
                HttpUrl c = normalizer.resolve(
                        HttpUrl.parse(ctx.url()), html.canonicals().get(0));
                if (c != null) {
                    canonicals.put(ctx.url(), c.toString());
                }
            }
            tally.tags(html.tags);
        }
        FindingSink sink = found::add;
        FetchedPage checked = ctx.depth() >= UNLINKED ? withDepth(ctx, depth) : ctx;
        for (PageCheck check : checks) {
            try {
                check.checkPage(checked, sink);
            } catch (RuntimeException e) {
                LOG.warn("check {} failed on {}: {}", check.id(), ctx.url(), e.toString());
            }
        }
        tally(found);
        return page;
    }

    private static FetchedPage withDepth(FetchedPage p, int depth) {
        return new FetchedPage(
                p.url(),
                p.statusCode(),
                p.headers(),
                p.contentType(),
                null,
                null,
                p.bodyBytes(),
                p.responseTime(),
                depth,
                p.redirectChain(),
                p.html(),
                p.error(),
                p.truncated());
    }

    private void tally(List<Finding> found) {
        for (Finding f : found) {
            tally.finding(f);
        }
    }

    // ---------------------------------------------------------------- resources

    private void processResource(FrontierItem it, boolean external) {
        HttpUrl url = HttpUrl.parse(it.url());
        if (url == null || resources.containsKey(it.url())) {
            return;
        }
        Fetcher.Result r;
        if (external) {
            r = politeness.request(url, "HEAD", (st, ct) -> false);
            if (r.status() == 405 || r.status() == 501 || r.status() == 403) {
                r = politeness.request(url, "GET", (st, ct) -> false);
            }
        } else {
            r = politeness.request(url, "GET", (st, ct) -> st >= 200 && st < 300);
            int hops = 0;
            while (r.location() != null && hops++ < config.maxRedirects()) {
                HttpUrl next = url.resolve(r.location());
                if (next == null) {
                    break;
                }
                r = politeness.request(next, "GET", (st, ct) -> st >= 200 && st < 300);
            }
        }
        if (Politeness.isCancelled(r)) {
            return;
        }
        String sha = null;
        long size = r.bodyBytes();
        byte[] body = r.body();
        Unit unit = Unit.NONE;
        if (!external && body != null) {
            BlobRef ref = storage.blobs().put(project.tenant(), body);
            sha = ref.sha256();
            size = ref.size();
            if (it.type() == ResourceType.CSS && inScope(url)) {
                unit = followCss(url, new String(body, StandardCharsets.UTF_8));
            }
        }
        Resource res = new Resource(it.url(), it.type(), r.status(), r.contentType(), size, sha, external);
        resources.put(it.url(), res);
        submit(unit, null, res, List.of());
    }

    /** The frontier URLs a stylesheet adds ({@code url(…)} and {@code @import}). */
    private Unit followCss(HttpUrl cssUrl, String css) {
        List<String> items = new ArrayList<>();
        Matcher m = CSS_URL.matcher(css);
        int budget = 10_000;
        while (m.find() && budget-- > 0) {
            String ref = m.group(1) != null ? m.group(1) : m.group(2);
            if (ref == null || ref.startsWith("data:")) {
                continue;
            }
            HttpUrl u = normalizer.resolve(cssUrl, ref);
            if (u == null || !normalizer.withinLimit(u)) {
                continue;
            }
            ResourceType type = Responses.typeFromPath(u.encodedPath());
            String target = u.toString();
            if (inScope(u)) {
                if (known.putIfAbsent("R|" + target, 0) == null) {
                    items.add(FrontierItem.resource(target, type));
                }
            } else if (config.checkExternal() && known.putIfAbsent("X|" + target, 0) == null) {
                items.add(FrontierItem.external(target, type));
            }
        }
        return new Unit(items, List.of());
    }

    // ---------------------------------------------------------------- results

    private void siteChecks() {
        listener.phaseStarted("crawl:site-checks", checks.size());
        CrawlSite site = new CrawlSite(
                starts.stream().map(HttpUrl::toString).toList(),
                snapshot(pages),
                snapshot(links),
                List.copyOf(resources.values()),
                Set.copyOf(sitemapUrls),
                analyticsUrls,
                Map.copyOf(descriptions),
                Map.copyOf(canonicals),
                Set.copyOf(blockedByRobots),
                Map.copyOf(sitemapProblems),
                Map.copyOf(redirects));
        List<Finding> found = new ArrayList<>();
        FindingSink sink = found::add;
        int done = 0;
        for (PageCheck check : checks) {
            try {
                check.checkSite(site, sink);
            } catch (RuntimeException e) {
                LOG.warn("site check {} failed: {}", check.id(), e.toString());
                warn("check " + check.id() + " failed: " + e.getMessage());
            }
            listener.progress("crawl:site-checks", ++done, checks.size());
        }
        tally(found);
        submit(Unit.NONE, null, null, found);
        listener.phaseFinished(
                "crawl:site-checks", new Outcome.Succeeded("crawl:site-checks", found.size() + " findings"));
    }

    private static <T> List<T> snapshot(List<T> list) {
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    private void progress() {
        long done = pagesFetched.get();
        long pending;
        synchronized (frontierLock) {
            pending = local.size() + (long) inFlight;
        }
        listener.progress(PHASE, done, Math.min(config.maxPages(), done + pending));
    }

    private void warn(String message) {
        warnings.add(message);
        try {
            listener.warning(PHASE, message);
        } catch (RuntimeException e) {
            LOG.debug("event listener failed: {}", e.toString());
        }
    }

    private CrawlResult result(String root, CrawlRun.Status status, boolean resumed, long durationMs) {
        long htmlPages = 0;
        Set<String> pageUrls = new HashSet<>();
        for (Page p : snapshot(pages)) {
            if (p.isHtmlOk() && pageUrls.add(p.url())) {
                htmlPages++;
            }
        }
        CrawlReport report = tally.report(root, htmlPages, resources.size(), durationMs);
        return new CrawlResult(runId, status, resumed, report, tally.coverage(), htmlPages, warnings);
    }
}
