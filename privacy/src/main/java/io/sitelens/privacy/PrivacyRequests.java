package io.sitelens.privacy;

import static java.util.Objects.requireNonNull;

import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.model.DataSubject;
import io.sitelens.model.IdentityType;
import io.sitelens.model.ProjectKey;
import io.sitelens.model.Purpose;
import io.sitelens.model.SubjectIdentity;
import io.sitelens.model.TenantId;
import io.sitelens.spi.privacy.ExportedItem;
import io.sitelens.spi.privacy.HandlerResult;
import io.sitelens.spi.privacy.IdentityVerification;
import io.sitelens.spi.privacy.IdentityVerifier;
import io.sitelens.spi.privacy.PrivacyRequestContext;
import io.sitelens.spi.privacy.PrivacyRight;
import io.sitelens.spi.privacy.PrivacyRightsHandler;
import io.sitelens.spi.storage.StorageAdapter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Data-subject requests: received → identity verified → in progress → completed, partially completed (a
 * handler failed; {@link #execute} retries it alone) or refused with a reason. The deadline is one month after
 * receipt, extendable by up to two months with a recorded reason. A request runs across every handler: our
 * storage's ({@link StoragePrivacyHandler}, always first) and those given to the builder (connectors', plugins').
 * Every step is written to the {@link AuditLog}; the subject appears there only as keyed pseudonyms. Once an
 * erasure is completed, its record (and the subject's earlier requests) keep only the pseudonyms.
 * Thread-safe for different requests; one request should be driven by one caller at a time.
 */
public final class PrivacyRequests {
    private static final int MAX_EXTENSION_MONTHS = 2;

    private final StorageAdapter storage;
    private final List<PrivacyRightsHandler> handlers;
    private final IdentityVerifier verifier;
    private final Clock clock;
    private final SubjectPseudonyms pseudonyms;
    private final AuditLog audit;
    private final ProcessingRegister register;
    private final RetentionPolicies retention;
    private final @Nullable ProjectKey project;

    private PrivacyRequests(Builder b) {
        this.storage = b.storage;
        this.clock = b.clock;
        TenantKeys keys = b.keys != null ? b.keys : TenantKeys.stored(storage.privacy());
        this.pseudonyms = new SubjectPseudonyms(keys);
        this.audit = new AuditLog(storage.privacy(), keys, clock);
        this.verifier = requireNonNull(b.verifier, "a host-supplied IdentityVerifier is required");
        this.register = b.register;
        this.retention = b.retention;
        this.project = b.project;
        List<PrivacyRightsHandler> all = new ArrayList<>();
        all.add(new StoragePrivacyHandler(storage, pseudonyms));
        Set<String> ids = new HashSet<>(Set.of(StoragePrivacyHandler.ID));
        for (PrivacyRightsHandler h : b.handlers) {
            if (!ids.add(h.id())) {
                throw new SitelensException(
                        ErrorCode.PLUGIN_CONFLICT, "two privacy handlers have the id '" + h.id() + "'");
            }
            all.add(h);
        }
        this.handlers = List.copyOf(all);
    }

    public static Builder builder(StorageAdapter storage) {
        return new Builder(storage);
    }

    public AuditLog auditLog() {
        return audit;
    }

    public SubjectPseudonyms pseudonyms() {
        return pseudonyms;
    }

    /** The handlers a request runs across, our storage's first. */
    public List<PrivacyRightsHandler> handlers() {
        return handlers;
    }

    /** Receives an access, portability, erasure or restriction request. */
    public PrivacyRequest receive(TenantId tenant, PrivacyRight right, DataSubject subject) {
        if (right == PrivacyRight.RECTIFICATION || right == PrivacyRight.OBJECTION) {
            throw new SitelensException(
                    ErrorCode.INVALID_INPUT,
                    right + " needs its details: use receiveRectification or receiveObjection");
        }
        return create(tenant, right, subject, Map.of(), Set.of(), false);
    }

    /** Receives a rectification: field → corrected value, applied to every stored copy. */
    public PrivacyRequest receiveRectification(TenantId tenant, DataSubject subject, Map<String, String> corrections) {
        if (corrections.isEmpty()) {
            throw new SitelensException(ErrorCode.INVALID_INPUT, "a rectification names at least one field to correct");
        }
        return create(tenant, PrivacyRight.RECTIFICATION, subject, corrections, Set.of(), false);
    }

    /** Receives an objection to processing for {@code purposes} (marketing objections are always honoured). */
    public PrivacyRequest receiveObjection(TenantId tenant, DataSubject subject, Set<Purpose> purposes) {
        if (purposes.isEmpty()) {
            throw new SitelensException(ErrorCode.INVALID_INPUT, "an objection names at least one purpose");
        }
        return create(tenant, PrivacyRight.OBJECTION, subject, Map.of(), purposes, false);
    }

    /** Receives a request to lift a restriction. */
    public PrivacyRequest receiveRestrictionLift(TenantId tenant, DataSubject subject) {
        return create(tenant, PrivacyRight.RESTRICTION, subject, Map.of(), Set.of(), true);
    }

    private PrivacyRequest create(
            TenantId tenant,
            PrivacyRight right,
            DataSubject subject,
            Map<String, String> corrections,
            Set<Purpose> purposes,
            boolean lift) {
        requireNonNull(tenant, "tenant");
        requireNonNull(subject, "subject");
        String id = "dsr-" + UUID.randomUUID();
        PrivacyRequest r = new PrivacyRequest(
                tenant,
                id,
                right,
                RequestState.RECEIVED,
                subject.identities(),
                pseudonyms.of(tenant, subject),
                clock.instant(),
                List.of(),
                null,
                null,
                corrections,
                purposes,
                lift,
                Map.of(),
                Map.of(),
                null);
        save(r);
        Map<String, Object> d = base(r);
        d.put("deadline", r.deadline().toString());
        d.put("subject", List.copyOf(new java.util.TreeSet<>(r.pseudonyms())));
        if (right == PrivacyRight.OBJECTION) {
            d.put("purposes", purposes.stream().map(Enum::name).sorted().toList());
        }
        if (right == PrivacyRight.RECTIFICATION) {
            d.put("fields", List.copyOf(new java.util.TreeSet<>(corrections.keySet())));
        }
        audit.append(tenant, "request.received", d);
        return r;
    }

    /** Asks the host's verifier; a failed check refuses the request with the verifier's reason. */
    public PrivacyRequest verifyIdentity(TenantId tenant, String id, Map<String, String> evidence) {
        PrivacyRequest r = load(tenant, id);
        if (r.state() != RequestState.RECEIVED) {
            throw new SitelensException(
                    ErrorCode.INVALID_INPUT, "request " + id + " is " + r.state() + ", not awaiting verification");
        }
        DataSubject subject = r.subject().orElseThrow();
        IdentityVerification v = verifier.verify(tenant, subject, Map.copyOf(evidence));
        Map<String, Object> d = base(r);
        d.put("method", v.method());
        if (v.verified()) {
            r = r.verified(v.method());
            save(r);
            audit.append(tenant, "request.identity-verified", d);
        } else {
            String reason = "identity not verified: " + sanitize(v.reason(), subject);
            r = r.refused(reason, v.method());
            save(r);
            d.put("reason", reason);
            audit.append(tenant, "request.refused", d);
        }
        return r;
    }

    /**
     * Extends the deadline by {@code months} (at most two in all, GDPR Art. 12(3)), before the current deadline
     * passes, with the reason given to the subject.
     */
    public PrivacyRequest extend(TenantId tenant, String id, int months, String reason) {
        PrivacyRequest r = load(tenant, id);
        if (reason == null || reason.isBlank()) {
            throw new SitelensException(ErrorCode.INVALID_INPUT, "extending a deadline needs a reason");
        }
        int used = r.extensions().stream().mapToInt(DeadlineExtension::months).sum();
        if (months < 1 || used + months > MAX_EXTENSION_MONTHS) {
            throw new SitelensException(
                    ErrorCode.INVALID_INPUT,
                    "a deadline can be extended by at most " + MAX_EXTENSION_MONTHS + " months in all; request " + id
                            + " already has " + used + ", asked for " + months);
        }
        if (r.state().isFinal()) {
            throw new SitelensException(ErrorCode.INVALID_INPUT, "request " + id + " is already " + r.state());
        }
        Instant now = clock.instant();
        if (now.isAfter(r.deadline())) {
            throw new SitelensException(
                    ErrorCode.INVALID_INPUT,
                    "request " + id + " passed its deadline " + r.deadline() + "; it can no longer be extended");
        }
        List<DeadlineExtension> ext = new ArrayList<>(r.extensions());
        ext.add(new DeadlineExtension(months, reason, now));
        r = r.withExtensions(ext);
        save(r);
        Map<String, Object> d = base(r);
        d.put("months", months);
        d.put("reason", sanitize(reason, r.subject().orElse(null)));
        d.put("deadline", r.deadline().toString());
        audit.append(tenant, "request.extended", d);
        return r;
    }

    /** Refuses a request (manifestly unfounded or excessive, Art. 12(5)) with the reason given to the subject. */
    public PrivacyRequest refuse(TenantId tenant, String id, String reason) {
        PrivacyRequest r = load(tenant, id);
        if (reason == null || reason.isBlank()) {
            throw new SitelensException(ErrorCode.INVALID_INPUT, "refusing a request needs a reason");
        }
        if (r.state().isFinal()) {
            throw new SitelensException(ErrorCode.INVALID_INPUT, "request " + id + " is already " + r.state());
        }
        r = r.refused(reason, r.verificationMethod());
        save(r);
        Map<String, Object> d = base(r);
        d.put("reason", sanitize(reason, r.subject().orElse(null)));
        audit.append(tenant, "request.refused", d);
        return r;
    }

    /**
     * Runs a verified request across every handler that has not yet settled it (done, nothing found, or not
     * supported): the first run calls them all, a later run only those that failed. A completed or refused
     * request is returned unchanged.
     */
    public PrivacyRequest execute(TenantId tenant, String id) {
        PrivacyRequest r = load(tenant, id);
        if (r.state().isFinal()) {
            return r;
        }
        if (r.state() == RequestState.RECEIVED) {
            throw new SitelensException(
                    ErrorCode.INVALID_INPUT, "request " + id + " cannot run before the subject's identity is verified");
        }
        DataSubject subject = r.subject()
                .orElseThrow(() -> new SitelensException(
                        ErrorCode.INTERNAL, "request " + id + " has lost its subject's identities"));
        Map<String, HandlerOutcome> outcomes = new LinkedHashMap<>(r.outcomes());
        Map<String, List<ExportedItem>> items = new LinkedHashMap<>(r.items());
        r = r.withOutcomes(RequestState.IN_PROGRESS, outcomes, items, null);
        save(r);
        PrivacyRequestContext ctx = context(tenant, id);
        for (PrivacyRightsHandler h : handlers) {
            HandlerOutcome previous = outcomes.get(h.id());
            if (previous != null && previous.settled()) {
                continue;
            }
            HandlerResult res = call(h, r, ctx, subject);
            HandlerOutcome o = new HandlerOutcome(
                    h.id(),
                    res.status(),
                    res.affected(),
                    sanitize(res.message(), subject),
                    previous == null ? 1 : previous.attempts() + 1,
                    clock.instant());
            outcomes.put(h.id(), o);
            if (res.status() == HandlerResult.Status.DONE
                    && (r.right() == PrivacyRight.ACCESS || r.right() == PrivacyRight.PORTABILITY)) {
                items.put(h.id(), res.items());
            }
            r = r.withOutcomes(RequestState.IN_PROGRESS, outcomes, items, null);
            save(r); // a crash after this point does not redo this handler
            Map<String, Object> d = base(r);
            d.put("handler", h.id());
            d.put("status", o.status().name());
            d.put("affected", o.affected());
            d.put("attempt", o.attempts());
            audit.append(tenant, "request.handler", d);
        }
        boolean allSettled =
                handlers.stream().allMatch(h -> outcomes.get(h.id()).settled());
        Instant now = clock.instant();
        r = r.withOutcomes(
                allSettled ? RequestState.COMPLETED : RequestState.PARTIALLY_COMPLETED,
                outcomes,
                items,
                allSettled ? now : null);
        if (allSettled && r.right() == PrivacyRight.ERASURE) {
            r = r.scrubbed();
        }
        save(r);
        Map<String, Object> d = base(r);
        d.put(
                "failed",
                outcomes.values().stream()
                        .filter(o -> !o.settled())
                        .map(HandlerOutcome::handlerId)
                        .toList());
        audit.append(tenant, allSettled ? "request.completed" : "request.partially-completed", d);
        return r;
    }

    private HandlerResult call(
            PrivacyRightsHandler h, PrivacyRequest r, PrivacyRequestContext ctx, DataSubject subject) {
        if (!h.supportedRights().contains(r.right())) {
            return HandlerResult.unsupported(h.id(), r.right());
        }
        List<SubjectIdentity> known = subject.identities().stream()
                .filter(i -> h.identityTypes().contains(i.type()))
                .toList();
        if (known.isEmpty()) {
            return new HandlerResult(
                    h.id(),
                    HandlerResult.Status.NOT_FOUND,
                    0,
                    List.of(),
                    "no identity of a type " + h.id() + " looks subjects up by ("
                            + h.identityTypes().stream()
                                    .map(IdentityType::prefix)
                                    .sorted()
                                    .toList() + ")");
        }
        try {
            HandlerResult res =
                    switch (r.right()) {
                        case ACCESS -> h.access(ctx, subject);
                        case PORTABILITY -> h.portability(ctx, subject);
                        case RECTIFICATION -> h.rectify(ctx, subject, r.corrections());
                        case ERASURE -> h.erase(ctx, subject);
                        case RESTRICTION -> h.restrict(ctx, subject, !r.lift());
                        case OBJECTION -> object(h, ctx, subject, r.purposes());
                    };
            return res == null ? HandlerResult.failed(h.id(), h.id() + " returned no result") : res;
        } catch (SitelensException e) {
            return HandlerResult.failed(h.id(), e.errorCode() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            return HandlerResult.failed(
                    h.id(), h.id() + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static HandlerResult object(
            PrivacyRightsHandler h, PrivacyRequestContext ctx, DataSubject subject, Set<Purpose> purposes) {
        long affected = 0;
        boolean done = false;
        boolean unsupported = true;
        List<String> messages = new ArrayList<>();
        for (Purpose p : EnumSet.copyOf(purposes)) {
            HandlerResult res = h.object(ctx, subject, p);
            if (res.status() == HandlerResult.Status.FAILED) {
                return res;
            }
            unsupported &= res.status() == HandlerResult.Status.UNSUPPORTED;
            done |= res.status() == HandlerResult.Status.DONE;
            affected += res.affected();
            messages.add(res.message());
        }
        HandlerResult.Status s = unsupported
                ? HandlerResult.Status.UNSUPPORTED
                : done ? HandlerResult.Status.DONE : HandlerResult.Status.NOT_FOUND;
        return new HandlerResult(h.id(), s, affected, List.of(), String.join("; ", messages));
    }

    /**
     * The export of a completed (or partially completed) access or portability request: JSON with the metadata
     * section, the data found per system and each system's outcome; a zip when files are attached.
     */
    public SubjectExport export(TenantId tenant, String id) {
        PrivacyRequest r = load(tenant, id);
        if (r.right() != PrivacyRight.ACCESS && r.right() != PrivacyRight.PORTABILITY) {
            throw new SitelensException(
                    ErrorCode.INVALID_INPUT, "request " + id + " is " + r.right() + ", not an export");
        }
        if (r.state() != RequestState.COMPLETED && r.state() != RequestState.PARTIALLY_COMPLETED) {
            throw new SitelensException(
                    ErrorCode.INVALID_INPUT, "request " + id + " is " + r.state() + "; run it first");
        }
        return ExportWriter.write(r, register, retention, handlers, storage.blobs());
    }

    public Optional<PrivacyRequest> get(TenantId tenant, String id) {
        return storage.privacy().request(tenant, id).map(RequestCodec::fromStored);
    }

    /** The tenant's requests, oldest first. */
    public List<PrivacyRequest> list(TenantId tenant) {
        return storage.privacy().requests(tenant).stream()
                .map(RequestCodec::fromStored)
                .toList();
    }

    /** Open requests past their deadline. */
    public List<PrivacyRequest> overdue(TenantId tenant) {
        Instant now = clock.instant();
        return list(tenant).stream().filter(r -> r.overdue(now)).toList();
    }

    private PrivacyRequest load(TenantId tenant, String id) {
        return get(tenant, id)
                .orElseThrow(() -> new SitelensException(
                        ErrorCode.NOT_FOUND, "no privacy request '" + id + "' for tenant " + tenant));
    }

    private void save(PrivacyRequest r) {
        storage.privacy().putRequest(RequestCodec.toStored(r));
    }

    private static Map<String, Object> base(PrivacyRequest r) {
        Map<String, Object> d = new TreeMap<>();
        d.put("request", r.id());
        d.put("right", r.right().name());
        d.put("state", r.state().name());
        return d;
    }

    /** Replaces the subject's identifiers in a text meant for the request record or the audit log. */
    static String sanitize(String text, @Nullable DataSubject subject) {
        if (subject == null) {
            return text;
        }
        String out = text;
        for (SubjectIdentity i : subject.identities()) {
            out = out.replace(i.value(), "[subject]").replace(i.value().toLowerCase(Locale.ROOT), "[subject]");
        }
        return out;
    }

    private PrivacyRequestContext context(TenantId tenant, String id) {
        Optional<ProjectKey> p = Optional.ofNullable(project);
        return new PrivacyRequestContext() {
            @Override
            public TenantId tenant() {
                return tenant;
            }

            @Override
            public Optional<ProjectKey> project() {
                return p;
            }

            @Override
            public String requestId() {
                return id;
            }

            @Override
            public Clock clock() {
                return clock;
            }
        };
    }

    public static final class Builder {
        private final StorageAdapter storage;
        private final List<PrivacyRightsHandler> handlers = new ArrayList<>();
        private @Nullable IdentityVerifier verifier;
        private Clock clock = Clock.systemUTC();
        private @Nullable TenantKeys keys;
        private ProcessingRegister register = ProcessingRegister.defaults();
        private RetentionPolicies retention = RetentionPolicies.defaults();
        private @Nullable ProjectKey project;

        private Builder(StorageAdapter storage) {
            this.storage = requireNonNull(storage, "storage");
        }

        /** Adds a handler (a connector's, a plugin's); our storage's handler is always included. */
        public Builder handler(PrivacyRightsHandler handler) {
            handlers.add(requireNonNull(handler, "handler"));
            return this;
        }

        public Builder handlers(List<? extends PrivacyRightsHandler> list) {
            list.forEach(this::handler);
            return this;
        }

        /** How requesters prove who they are; required. */
        public Builder verifier(IdentityVerifier verifier) {
            this.verifier = requireNonNull(verifier, "verifier");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = requireNonNull(clock, "clock");
            return this;
        }

        /** Where tenant keys come from (default: kept in the store). */
        public Builder keys(TenantKeys keys) {
            this.keys = requireNonNull(keys, "keys");
            return this;
        }

        public Builder register(ProcessingRegister register) {
            this.register = requireNonNull(register, "register");
            return this;
        }

        public Builder retention(RetentionPolicies retention) {
            this.retention = requireNonNull(retention, "retention");
            return this;
        }

        /** The project handlers act for (passed in their request context). */
        public Builder project(ProjectKey project) {
            this.project = requireNonNull(project, "project");
            return this;
        }

        public PrivacyRequests build() {
            return new PrivacyRequests(this);
        }
    }
}
