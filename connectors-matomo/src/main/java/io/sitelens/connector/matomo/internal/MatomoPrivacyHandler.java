package io.sitelens.connector.matomo.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.model.DataSubject;
import io.sitelens.model.IdentityType;
import io.sitelens.model.SubjectIdentity;
import io.sitelens.spi.privacy.ExportedItem;
import io.sitelens.spi.privacy.HandlerResult;
import io.sitelens.spi.privacy.PrivacyRequestContext;
import io.sitelens.spi.privacy.PrivacyRight;
import io.sitelens.spi.privacy.PrivacyRightsHandler;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds, exports and erases a data subject's visits in one Matomo site through the GDPR tools of its
 * PrivacyManager plugin: {@code findDataSubjects} with a {@code visitorId==…} or {@code userId==…} segment,
 * then {@code exportDataSubjects} or {@code deleteDataSubjects} for the visits found. Messages never contain
 * the subject's identifiers or data.
 */
public final class MatomoPrivacyHandler implements PrivacyRightsHandler {
    /** Visits per export or delete request. */
    static final int VISITS_PER_REQUEST = 100;
    /** Visits found per subject at most (a bound on what a remote party can make us hold). */
    static final int MAX_VISITS = 100_000;

    private final MatomoClient client;

    public MatomoPrivacyHandler(MatomoClient client) {
        this.client = client;
    }

    @Override
    public String id() {
        return MatomoErrors.PROVIDER;
    }

    @Override
    public Set<PrivacyRight> supportedRights() {
        return Set.of(PrivacyRight.ACCESS, PrivacyRight.PORTABILITY, PrivacyRight.ERASURE);
    }

    @Override
    public Set<IdentityType> identityTypes() {
        return Set.of(IdentityType.MATOMO_VISITOR, IdentityType.MATOMO_USER);
    }

    /** A visit as Matomo's GDPR tools name it. */
    record Visit(String idSite, String idVisit) {}

    /** The subject's visits in this site, found by every Matomo identity the subject has. */
    public List<Visit> find(DataSubject subject) {
        Set<Visit> visits = new LinkedHashSet<>();
        for (SubjectIdentity identity : subject.identities()) {
            String segment = segment(identity);
            if (segment == null) {
                continue;
            }
            Map<String, String> p = new LinkedHashMap<>();
            p.put("idSite", client.settings().siteId());
            p.put("segment", segment);
            p.put("filter_limit", "-1");
            JsonNode found = client.call(ApiRequest.of("PrivacyManager.findDataSubjects", p));
            if (!found.isArray()) {
                continue;
            }
            for (JsonNode v : found) {
                String site = text(v, "idSite", "idsite");
                String visit = text(v, "idVisit", "idvisit");
                if (!site.isEmpty() && !visit.isEmpty()) {
                    visits.add(new Visit(site, visit));
                }
                if (visits.size() >= MAX_VISITS) {
                    throw new SitelensException(
                            ErrorCode.EXTERNAL_REJECTED,
                            id(),
                            "the subject has more than " + MAX_VISITS + " visits in Matomo site "
                                    + client.settings().siteId() + "; use Matomo's GDPR tools directly",
                            null);
                }
            }
        }
        return List.copyOf(visits);
    }

    @Override
    public HandlerResult access(PrivacyRequestContext request, DataSubject subject) {
        if (!hasMatomoIdentity(subject)) {
            return HandlerResult.notFound(id());
        }
        try {
            List<Visit> visits = find(subject);
            if (visits.isEmpty()) {
                return HandlerResult.notFound(id());
            }
            List<ExportedItem> items = new ArrayList<>();
            for (List<Visit> chunk : chunks(visits)) {
                JsonNode export = client.call(ApiRequest.of("PrivacyManager.exportDataSubjects", visitParams(chunk)));
                for (Iterator<Map.Entry<String, JsonNode>> it = export.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> table = it.next();
                    if (!table.getValue().isArray()) {
                        continue;
                    }
                    for (JsonNode row : table.getValue()) {
                        Map<String, String> fields = new TreeMap<>();
                        row.fields()
                                .forEachRemaining(f -> fields.put(
                                        f.getKey(),
                                        f.getValue().isValueNode()
                                                ? f.getValue().asText()
                                                : f.getValue().toString()));
                        items.add(new ExportedItem(category(table.getKey()), "matomo:" + table.getKey(), fields, true));
                    }
                }
            }
            return HandlerResult.exported(id(), items);
        } catch (SitelensException e) {
            return failed("export", e);
        }
    }

    @Override
    public HandlerResult erase(PrivacyRequestContext request, DataSubject subject) {
        if (!hasMatomoIdentity(subject)) {
            return HandlerResult.notFound(id());
        }
        try {
            List<Visit> visits = find(subject);
            if (visits.isEmpty()) {
                return HandlerResult.notFound(id());
            }
            Map<String, Long> deleted = new TreeMap<>();
            for (List<Visit> chunk : chunks(visits)) {
                JsonNode answer = client.call(ApiRequest.of("PrivacyManager.deleteDataSubjects", visitParams(chunk)));
                answer.fields().forEachRemaining(e -> {
                    double n = Cells.number(e.getValue());
                    if (!Double.isNaN(n)) {
                        deleted.merge(e.getKey(), (long) n, Long::sum);
                    }
                });
            }
            long total = deleted.values().stream().mapToLong(Long::longValue).sum();
            return HandlerResult.done(
                    id(),
                    total,
                    "deleted " + visits.size() + " visit(s) from Matomo site "
                            + client.settings().siteId() + ": " + deleted);
        } catch (SitelensException e) {
            return failed("erasure", e);
        }
    }

    private HandlerResult failed(String what, SitelensException e) {
        // Matomo's own message may quote the segment (the subject's id), so only the code and our context go out
        return HandlerResult.failed(
                id(),
                "Matomo " + what + " failed at " + client.settings().displayUrl() + " for site "
                        + client.settings().siteId() + " (" + e.errorCode() + ")");
    }

    private static boolean hasMatomoIdentity(DataSubject subject) {
        return subject.identities().stream().anyMatch(i -> segment(i) != null);
    }

    /** The segment that selects a subject's visits, or null for identities Matomo does not know. */
    static String segment(SubjectIdentity identity) {
        return switch (identity.type()) {
            case MATOMO_VISITOR -> {
                if (!identity.value().matches("[0-9a-fA-F]{16}")) {
                    throw new SitelensException(
                            ErrorCode.INVALID_INPUT,
                            MatomoErrors.PROVIDER,
                            "a matomo-visitor id is 16 hexadecimal characters (the value is not shown)",
                            null);
                }
                yield "visitorId==" + identity.value().toLowerCase(java.util.Locale.ROOT);
            }
            case MATOMO_USER -> "userId==" + ApiRequest.encode(identity.value());
            case EMAIL, ACCOUNT, VISITOR, COOKIE, GA_CLIENT, GA_USER -> null;
        };
    }

    private static Map<String, String> visitParams(List<Visit> visits) {
        Map<String, String> p = new LinkedHashMap<>();
        for (int i = 0; i < visits.size(); i++) {
            p.put("visits[" + i + "][idsite]", visits.get(i).idSite());
            p.put("visits[" + i + "][idvisit]", visits.get(i).idVisit());
        }
        return p;
    }

    private static List<List<Visit>> chunks(List<Visit> visits) {
        List<List<Visit>> out = new ArrayList<>();
        for (int i = 0; i < visits.size(); i += VISITS_PER_REQUEST) {
            out.add(visits.subList(i, Math.min(visits.size(), i + VISITS_PER_REQUEST)));
        }
        return out;
    }

    private static String category(String table) {
        return switch (table) {
            case "log_visit" -> "visit";
            case "log_link_visit_action" -> "action";
            case "log_conversion" -> "conversion";
            case "log_conversion_item" -> "conversion-item";
            default -> table;
        };
    }

    private static String text(JsonNode n, String... names) {
        for (String name : names) {
            JsonNode v = n.get(name);
            if (v != null && v.isValueNode()) {
                return v.asText();
            }
        }
        return "";
    }

    @Override
    public String toString() {
        return "MatomoPrivacyHandler[" + client.settings().displayUrl() + ", site "
                + client.settings().siteId() + "]";
    }
}
