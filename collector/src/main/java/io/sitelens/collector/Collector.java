package io.sitelens.collector;

import static java.util.Objects.requireNonNull;

import io.sitelens.SitelensException;
import io.sitelens.collector.internal.Batch;
import io.sitelens.collector.internal.BatchParser;
import io.sitelens.collector.internal.GeoLookup;
import io.sitelens.collector.internal.RateLimiter;
import io.sitelens.collector.internal.Sessions;
import io.sitelens.collector.internal.UserAgents;
import io.sitelens.collector.internal.VisitorIds;
import io.sitelens.model.ConsentMethod;
import io.sitelens.model.ConsentRecord;
import io.sitelens.model.ConsentState;
import io.sitelens.model.IdentityType;
import io.sitelens.model.Purpose;
import io.sitelens.model.SubjectIdentity;
import io.sitelens.spi.consent.ConsentPolicy;
import io.sitelens.spi.consent.StrictOptInConsentPolicy;
import io.sitelens.spi.sink.EventSink;
import io.sitelens.spi.storage.BehaviourEvent;
import io.sitelens.spi.storage.StorageAdapter;
import io.sitelens.spi.storage.VisitSession;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingests batches from the {@code sitelens.js} tracker: any host HTTP stack passes the body, the request headers
 * and the client address to {@link #ingest} and answers with {@link IngestResult#status()}.
 *
 * <p>For each batch, in order: per-address rate limit (memory only); strict validation (size, schema, types,
 * clock skew); the site and its allowed origins; Global Privacy Control and Do Not Track headers; bot filtering
 * on the user agent; the consent the batch carries is written to the consent ledger and the host's
 * {@link ConsentPolicy} then decides per purpose (behaviour tracking, geolocation, returning-visitor cookie).
 * The client address is used in memory for the GeoIP2 city lookup (only with geolocation consent) and the daily
 * cookieless visitor id, then dropped: it is never stored, logged or passed to a sink. The user agent is reduced
 * to browser, OS, device brand and class. Sessions end after 30 minutes without events.
 *
 * <p>Immutable configuration, thread-safe. {@link #close()} closes the GeoIP database and the sinks.
 */
public final class Collector implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Collector.class);

    /** Largest accepted client clock error. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofHours(24);
    /** How far before the batch time its oldest event may be. */
    public static final Duration MAX_EVENT_AGE = Duration.ofHours(1);

    private final StorageAdapter storage;
    private final ConsentPolicy policy;
    private final Clock clock;
    private final Map<String, CollectorSite> sites;
    private final @Nullable GeoLookup geo;
    private final List<EventSink> sinks;
    private final RateLimiter limiter;
    private final BatchParser parser = new BatchParser();
    private final VisitorIds visitorIds;
    private final Sessions sessions = new Sessions();
    private final UserAgents userAgents;
    private final Map<IngestResult.Kind, LongAdder> counts = new EnumMap<>(IngestResult.Kind.class);
    private final LongAdder bots = new LongAdder();
    private final LongAdder events = new LongAdder();
    /** The ledger state this collector last saw or wrote per tenant, subject and purpose (skips re-reading it). */
    private final Map<String, ConsentState> ledgerStates = new java.util.concurrent.ConcurrentHashMap<>();

    private Collector(Builder b) {
        this.storage = requireNonNull(b.storage, "storage");
        this.clock = b.clock;
        this.policy = b.policy != null ? b.policy : new StrictOptInConsentPolicy(storage.consents());
        if (b.sites.isEmpty()) {
            throw new IllegalArgumentException("collector needs at least one site");
        }
        this.sites = Map.copyOf(b.sites);
        this.geo = b.geoDatabase == null ? null : GeoLookup.open(b.geoDatabase);
        this.sinks = List.copyOf(b.sinks);
        this.limiter = new RateLimiter(clock, b.burst, b.perMinute);
        this.visitorIds = new VisitorIds(clock, b.sharedSalts ? sharedSalts(storage, sites.values()) : null);
        this.userAgents = UserAgents.shared();
        for (IngestResult.Kind k : IngestResult.Kind.values()) {
            counts.put(k, new LongAdder());
        }
        storage.behaviour(); // fails now, naming the store, if it keeps no behaviour data
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The store's privacy data, after checking it can delete keys: a shared salt that could not be deleted
     * after 48 hours would break the promise that ids cannot be linked back to addresses.
     */
    private static io.sitelens.spi.storage.PrivacyStore sharedSalts(
            StorageAdapter storage, java.util.Collection<CollectorSite> sites) {
        try {
            io.sitelens.spi.storage.PrivacyStore privacy = storage.privacy();
            for (CollectorSite site : sites) {
                privacy.deleteTenantKey(site.project().tenant(), "collector-salt-probe");
            }
            return privacy;
        } catch (SitelensException e) {
            if (e.errorCode() != io.sitelens.ErrorCode.UNSUPPORTED) {
                throw e;
            }
            throw new SitelensException(
                    io.sitelens.ErrorCode.CONFIG_INVALID,
                    "collector: shared salts need a store that keeps and deletes tenant keys; " + storage.description()
                            + " cannot (" + e.getMessage() + ")",
                    e);
        }
    }

    /** The sites this collector accepts, by id. */
    public Map<String, CollectorSite> sites() {
        return sites;
    }

    /**
     * Validates and stores one batch.
     *
     * @param body the request body as received (the tracker sends {@code text/plain} JSON)
     * @param headers request headers; names are matched case-insensitively ({@code User-Agent}, {@code Origin},
     *     {@code Sec-GPC}, {@code DNT})
     * @param remoteAddress the client address, used in memory only
     */
    public IngestResult ingest(byte[] body, Map<String, String> headers, InetAddress remoteAddress) {
        requireNonNull(body, "body");
        requireNonNull(headers, "headers");
        requireNonNull(remoteAddress, "remoteAddress");
        IngestResult r;
        try {
            r = process(body, headers, remoteAddress);
        } catch (SitelensException e) {
            // storage or ledger failure: the record call is atomic, so nothing of the batch was kept
            log.warn("collector: batch not stored: {}", e.getMessage());
            r = IngestResult.failed("storage failed: " + e.errorCode().code());
        }
        counts.get(r.kind()).increment();
        events.add(r.stored());
        if (r.kind() != IngestResult.Kind.STORED && log.isDebugEnabled()) {
            log.debug("collector: batch {} ({})", r.kind(), r.reason());
        }
        return r;
    }

    private IngestResult process(byte[] body, Map<String, String> rawHeaders, InetAddress address) {
        if (!limiter.tryAcquire(address)) {
            return IngestResult.rateLimited();
        }
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(rawHeaders);
        Batch batch;
        try {
            batch = parser.parse(body);
        } catch (BatchParser.Invalid e) {
            return IngestResult.invalid(e.getMessage());
        }
        Instant now = clock.instant();
        Instant sent = Instant.ofEpochMilli(batch.clientTime());
        if (Duration.between(sent, now).abs().compareTo(MAX_CLOCK_SKEW) > 0) {
            return IngestResult.invalid("t: batch time is more than " + MAX_CLOCK_SKEW.toHours() + "h from now");
        }
        for (int i = 0; i < batch.events().size(); i++) {
            long t = batch.events().get(i).clientTime();
            if (t > batch.clientTime() + 5_000 || t < batch.clientTime() - MAX_EVENT_AGE.toMillis()) {
                return IngestResult.invalid("e[" + i + "].t: event time outside the batch's last hour");
            }
        }
        CollectorSite site = sites.get(batch.site());
        if (site == null) {
            return IngestResult.invalid("s: unknown site");
        }
        String origin = headers.get("Origin");
        if (origin != null && !site.allows(origin)) {
            return IngestResult.forbidden("origin not allowed for site " + site.id());
        }
        if ("1".equals(trim(headers.get("Sec-GPC"))) || "1".equals(trim(headers.get("DNT")))) {
            return IngestResult.dropped("Global Privacy Control or Do Not Track");
        }
        String ua = Optional.ofNullable(headers.get("User-Agent")).orElse("");
        UserAgents.Traits traits = userAgents.parse(ua);
        if (traits.bot()) {
            bots.increment();
            return IngestResult.dropped("bot");
        }
        String visitorId = visitorIds.visitorId(site.project().tenant(), site.id(), address, ua);
        String cookieId = batch.cookie() ? batch.cookieId() : null;
        SubjectIdentity subject = cookieId != null
                ? new SubjectIdentity(IdentityType.COOKIE, cookieId)
                : new SubjectIdentity(IdentityType.VISITOR, visitorId);
        recordConsent(site, subject, Purpose.BEHAVIOUR_TRACKING, batch.behaviour(), batch.notice(), now);
        recordConsent(site, subject, Purpose.GEOLOCATION, batch.geolocation(), batch.notice(), now);
        recordConsent(site, subject, Purpose.RETURNING_VISITOR_COOKIE, batch.cookie(), batch.notice(), now);
        var tenant = site.project().tenant();
        if (!policy.decide(tenant, subject, Purpose.BEHAVIOUR_TRACKING, now).allowed()) {
            return IngestResult.dropped("no consent for behaviour tracking");
        }
        boolean cookieAllowed = cookieId != null
                && policy.decide(tenant, subject, Purpose.RETURNING_VISITOR_COOKIE, now)
                        .allowed();
        String keptCookie = cookieAllowed ? cookieId : null;
        GeoLookup.Place place = geo != null
                        && policy.decide(tenant, subject, Purpose.GEOLOCATION, now)
                                .allowed()
                ? geo.city(address).orElse(null)
                : null;
        // from here on, the address is not used
        long offset = now.toEpochMilli() - batch.clientTime();
        List<Batch.Event> raw = batch.events();
        String sessionKey = site.id() + "|" + (keptCookie != null ? "c:" + keptCookie : "v:" + visitorId);
        Instant first = Instant.ofEpochMilli(raw.get(0).clientTime() + offset);
        List<BehaviourEvent> stored = new ArrayList<>(raw.size());
        VisitSession session = sessions.advance(
                sessionKey,
                first,
                id -> new VisitSession(
                        id,
                        visitorId,
                        keptCookie,
                        first,
                        first,
                        0,
                        0,
                        batch.page(),
                        batch.referrer(),
                        traits.browser(),
                        traits.os(),
                        traits.deviceBrand(),
                        traits.deviceClass(),
                        place == null ? null : place.country(),
                        place == null ? null : place.city(),
                        batch.timeZone(),
                        batch.language(),
                        batch.screenWidth() > 0 ? batch.screenWidth() + "x" + batch.screenHeight() : null,
                        cookieAllowed && batch.returning()),
                s -> {
                    Instant last = s.lastSeen();
                    int views = s.pageViews();
                    long engaged = s.engagedMillis();
                    for (Batch.Event e : raw) {
                        Instant at = Instant.ofEpochMilli(e.clientTime() + offset);
                        if (at.isBefore(s.start())) {
                            at = s.start();
                        }
                        last = at.isAfter(last) ? at : last;
                        views += e.kind() == BehaviourEvent.Kind.PAGE_VIEW ? 1 : 0;
                        engaged += e.kind() == BehaviourEvent.Kind.ENGAGEMENT ? (long) e.value() : 0;
                        stored.add(new BehaviourEvent(
                                at,
                                s.sessionId(),
                                s.visitorId(),
                                s.cookieId(),
                                e.kind(),
                                batch.page(),
                                e.selector(),
                                e.form(),
                                e.x(),
                                e.y(),
                                batch.viewportWidth(),
                                batch.viewportHeight(),
                                e.value()));
                    }
                    return new VisitSession(
                            s.sessionId(),
                            s.visitorId(),
                            s.cookieId(),
                            s.start(),
                            last,
                            views,
                            engaged,
                            s.entryPage(),
                            s.referrer(),
                            s.browser(),
                            s.os(),
                            s.deviceBrand(),
                            s.deviceClass(),
                            s.country(),
                            s.city(),
                            s.timeZone(),
                            s.language(),
                            s.screen(),
                            s.returning());
                });
        storage.behaviour().record(site.project(), session, stored);
        for (EventSink sink : sinks) {
            try {
                sink.accept(site.project(), session, stored);
            } catch (RuntimeException e) {
                log.warn("collector: event sink {} failed for site {}: {}", sink.id(), site.id(), e.getMessage());
            }
        }
        return IngestResult.stored(stored.size());
    }

    private void recordConsent(
            CollectorSite site, SubjectIdentity subject, Purpose purpose, boolean granted, String notice, Instant now) {
        var tenant = site.project().tenant();
        ConsentState state = granted ? ConsentState.GRANTED : ConsentState.WITHDRAWN;
        String key = tenant.value() + '\n' + subject + '\n' + purpose;
        if (ledgerStates.get(key) == state) {
            return; // this collector already saw the ledger in this state; the policy still reads the ledger
        }
        if (ledgerStates.size() > 200_000) {
            ledgerStates.clear();
        }
        Optional<ConsentRecord> current = storage.consents().current(tenant, subject, purpose, now);
        if ((current.isPresent() && current.get().state() == state) || (current.isEmpty() && !granted)) {
            ledgerStates.put(key, state); // no record means no; a refusal of someone never seen adds nothing
            return;
        }
        storage.consents()
                .append(new ConsentRecord(
                        tenant,
                        subject,
                        purpose,
                        state,
                        now,
                        notice.isEmpty() ? "unspecified" : notice,
                        ConsentMethod.BANNER,
                        "collector:" + site.id()));
        ledgerStates.put(key, state);
    }

    private static @Nullable String trim(@Nullable String s) {
        return s == null ? null : s.trim();
    }

    /** Counts since start: batches per outcome, bots among the dropped, events stored. */
    public Map<String, Long> stats() {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.forEach((k, v) -> out.put(k.name().toLowerCase(java.util.Locale.ROOT), v.sum()));
        out.put("bots", bots.sum());
        out.put("events", events.sum());
        return out;
    }

    @Override
    public void close() {
        if (geo != null) {
            geo.close();
        }
        for (EventSink sink : sinks) {
            sink.close();
        }
    }

    /** Configures a {@link Collector}; {@link #storage} and at least one {@link #site} are required. */
    public static final class Builder {
        private @Nullable StorageAdapter storage;
        private @Nullable ConsentPolicy policy;
        private Clock clock = Clock.systemUTC();
        private final Map<String, CollectorSite> sites = new LinkedHashMap<>();
        private @Nullable Path geoDatabase;
        private final List<EventSink> sinks = new ArrayList<>();
        private int burst = 60;
        private int perMinute = 120;
        private boolean sharedSalts;

        private Builder() {}

        /** Where events, sessions and consent records go; it must keep behaviour data. */
        public Builder storage(StorageAdapter storage) {
            this.storage = requireNonNull(storage, "storage");
            return this;
        }

        /** The consent policy; default: {@link StrictOptInConsentPolicy} over the store's consent ledger. */
        public Builder consentPolicy(ConsentPolicy policy) {
            this.policy = requireNonNull(policy, "policy");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = requireNonNull(clock, "clock");
            return this;
        }

        public Builder site(CollectorSite site) {
            requireNonNull(site, "site");
            if (sites.putIfAbsent(site.id(), site) != null) {
                throw new IllegalArgumentException("collector site " + site.id() + " is configured twice");
            }
            return this;
        }

        /** A GeoIP2 or GeoLite2 City database ({@code .mmdb}); without one, no place is derived. */
        public Builder geoIpDatabase(Path mmdb) {
            this.geoDatabase = requireNonNull(mmdb, "mmdb");
            return this;
        }

        public Builder sink(EventSink sink) {
            sinks.add(requireNonNull(sink, "sink"));
            return this;
        }

        /**
         * Keeps the daily visitor-id salts in the store's privacy keys instead of this process's memory, so several
         * collector processes behind one address give a visitor the same id (default: off). Anyone who can read
         * the store can then test address guesses against the ids of the last 48 hours, until the salt is
         * deleted; with salts in memory only a running collector holds them.
         */
        public Builder sharedSalts(boolean shared) {
            this.sharedSalts = shared;
            return this;
        }

        /** Per address: {@code burst} batches at once, {@code perMinute} sustained (default 60 and 120). */
        public Builder rateLimit(int burst, int perMinute) {
            this.burst = burst;
            this.perMinute = perMinute;
            return this;
        }

        public Collector build() {
            return new Collector(this);
        }
    }
}
