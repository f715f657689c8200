package io.sitelens.collector;

import static java.util.Objects.requireNonNull;

import io.sitelens.model.DataSubject;
import io.sitelens.model.IdentityType;
import io.sitelens.model.SubjectIdentity;
import io.sitelens.spi.privacy.ExportedItem;
import io.sitelens.spi.privacy.HandlerResult;
import io.sitelens.spi.privacy.PrivacyRequestContext;
import io.sitelens.spi.privacy.PrivacyRight;
import io.sitelens.spi.privacy.PrivacyRightsHandler;
import io.sitelens.spi.storage.BehaviourEvent;
import io.sitelens.spi.storage.StorageAdapter;
import io.sitelens.spi.storage.VisitSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Access, portability and erasure of a visitor's behaviour data (events and visits) in the host's store, by the
 * cookieless visitor id ({@code visitor:…}) or the first-party cookie id ({@code cookie:…}) the visitor can read
 * from their browser. Consent records stay: they prove what the visitor agreed to.
 */
public final class BehaviourPrivacyHandler implements PrivacyRightsHandler {
    public static final String ID = "collector";

    private final StorageAdapter storage;

    public BehaviourPrivacyHandler(StorageAdapter storage) {
        this.storage = requireNonNull(storage, "storage");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<PrivacyRight> supportedRights() {
        return Set.of(PrivacyRight.ACCESS, PrivacyRight.PORTABILITY, PrivacyRight.ERASURE);
    }

    @Override
    public Set<IdentityType> identityTypes() {
        return Set.of(IdentityType.VISITOR, IdentityType.COOKIE);
    }

    @Override
    public HandlerResult access(PrivacyRequestContext request, DataSubject subject) {
        List<ExportedItem> items = new ArrayList<>();
        for (SubjectIdentity id : identities(subject)) {
            for (VisitSession s : storage.behaviour().sessionsOf(request.tenant(), id)) {
                items.add(new ExportedItem("visit", "collector.sessions", visit(s), true));
            }
            for (BehaviourEvent e : storage.behaviour().eventsOf(request.tenant(), id)) {
                items.add(new ExportedItem("behaviour-event", "collector.events", event(e), true));
            }
        }
        return HandlerResult.exported(ID, items.stream().distinct().toList());
    }

    @Override
    public HandlerResult erase(PrivacyRequestContext request, DataSubject subject) {
        List<SubjectIdentity> ids = identities(subject);
        if (ids.isEmpty()) {
            return HandlerResult.notFound(ID);
        }
        long removed = 0;
        for (SubjectIdentity id : ids) {
            removed += storage.behaviour().erase(request.tenant(), id);
        }
        return removed == 0
                ? HandlerResult.notFound(ID)
                : HandlerResult.done(ID, removed, removed + " behaviour rows erased");
    }

    private static List<SubjectIdentity> identities(DataSubject subject) {
        List<SubjectIdentity> ids = new ArrayList<>(subject.identities(IdentityType.VISITOR));
        ids.addAll(subject.identities(IdentityType.COOKIE));
        return ids;
    }

    private static Map<String, String> visit(VisitSession s) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("sessionId", s.sessionId());
        f.put("visitorId", s.visitorId());
        put(f, "cookieId", s.cookieId());
        f.put("start", s.start().toString());
        f.put("lastSeen", s.lastSeen().toString());
        f.put("pageViews", Integer.toString(s.pageViews()));
        f.put("engagedMillis", Long.toString(s.engagedMillis()));
        f.put("entryPage", s.entryPage());
        put(f, "referrer", s.referrer());
        put(f, "browser", s.browser());
        put(f, "os", s.os());
        put(f, "deviceBrand", s.deviceBrand());
        put(f, "deviceClass", s.deviceClass());
        put(f, "country", s.country());
        put(f, "city", s.city());
        put(f, "timeZone", s.timeZone());
        put(f, "language", s.language());
        put(f, "screen", s.screen());
        f.put("returning", Boolean.toString(s.returning()));
        return f;
    }

    private static Map<String, String> event(BehaviourEvent e) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("at", e.at().toString());
        f.put("sessionId", e.sessionId());
        f.put("kind", e.kind().name());
        f.put("page", e.page());
        put(f, "selector", e.selector());
        put(f, "formId", e.formId());
        f.put("x", Integer.toString(e.x()));
        f.put("y", Integer.toString(e.y()));
        f.put("viewport", e.viewportWidth() + "x" + e.viewportHeight());
        f.put("value", Double.toString(e.value()));
        return f;
    }

    private static void put(Map<String, String> f, String key, @org.jspecify.annotations.Nullable String value) {
        if (value != null) {
            f.put(key, value);
        }
    }
}
