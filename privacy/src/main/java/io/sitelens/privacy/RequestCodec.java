package io.sitelens.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.model.Purpose;
import io.sitelens.model.SubjectIdentity;
import io.sitelens.model.TenantId;
import io.sitelens.privacy.internal.CanonicalJson;
import io.sitelens.spi.privacy.ExportedItem;
import io.sitelens.spi.privacy.HandlerResult;
import io.sitelens.spi.privacy.PrivacyRight;
import io.sitelens.spi.storage.StoredRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Writes a {@link PrivacyRequest} as the stored document and reads it back. */
final class RequestCodec {
    private RequestCodec() {}

    static StoredRequest toStored(PrivacyRequest r) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("v", 1);
        d.put("id", r.id());
        d.put("right", r.right().name());
        d.put("state", r.state().name());
        d.put(
                "identities",
                r.identities().stream().map(SubjectIdentity::toString).toList());
        d.put("pseudonyms", List.copyOf(new java.util.TreeSet<>(r.pseudonyms())));
        d.put("receivedAt", r.receivedAt().toString());
        List<Map<String, Object>> ext = new ArrayList<>();
        for (DeadlineExtension e : r.extensions()) {
            ext.add(Map.of("months", e.months(), "reason", e.reason(), "at", e.at().toString()));
        }
        d.put("extensions", ext);
        d.put("verificationMethod", r.verificationMethod());
        d.put("refusalReason", r.refusalReason());
        d.put("corrections", new TreeMap<>(r.corrections()));
        d.put("purposes", r.purposes().stream().map(Enum::name).sorted().toList());
        d.put("lift", r.lift());
        List<Map<String, Object>> outs = new ArrayList<>();
        for (HandlerOutcome o : r.outcomes().values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("handler", o.handlerId());
            m.put("status", o.status().name());
            m.put("affected", o.affected());
            m.put("message", o.message());
            m.put("attempts", o.attempts());
            m.put("at", o.at().toString());
            outs.add(m);
        }
        d.put("outcomes", outs);
        Map<String, Object> items = new TreeMap<>();
        r.items().forEach((h, list) -> {
            List<Map<String, Object>> l = new ArrayList<>();
            for (ExportedItem i : list) {
                l.add(Map.of(
                        "category", i.category(),
                        "source", i.source(),
                        "fields", new TreeMap<>(i.fields()),
                        "providedBySubject", i.providedBySubject()));
            }
            items.put(h, l);
        });
        d.put("items", items);
        d.put("completedAt", r.completedAt() == null ? null : r.completedAt().toString());
        return new StoredRequest(
                r.tenant(),
                r.id(),
                r.state().name(),
                r.receivedAt(),
                r.deadline(),
                r.pseudonyms(),
                CanonicalJson.write(d));
    }

    static PrivacyRequest fromStored(StoredRequest s) {
        JsonNode d;
        try {
            d = CanonicalJson.mapper().readTree(s.document());
        } catch (JsonProcessingException e) {
            throw new SitelensException(
                    ErrorCode.STORAGE_INCOMPATIBLE, "privacy request " + s.id() + " has an unreadable document", e);
        }
        TenantId tenant = s.tenant();
        List<SubjectIdentity> ids = new ArrayList<>();
        d.path("identities").forEach(n -> ids.add(SubjectIdentity.parse(n.asText())));
        Set<String> pseudonyms = new LinkedHashSet<>();
        d.path("pseudonyms").forEach(n -> pseudonyms.add(n.asText()));
        List<DeadlineExtension> ext = new ArrayList<>();
        d.path("extensions")
                .forEach(n -> ext.add(new DeadlineExtension(
                        n.path("months").asInt(),
                        n.path("reason").asText(),
                        Instant.parse(n.path("at").asText()))));
        Map<String, String> corrections = new LinkedHashMap<>();
        d.path("corrections")
                .fields()
                .forEachRemaining(e -> corrections.put(e.getKey(), e.getValue().asText()));
        Set<Purpose> purposes = EnumSet.noneOf(Purpose.class);
        d.path("purposes").forEach(n -> purposes.add(Purpose.valueOf(n.asText())));
        Map<String, HandlerOutcome> outcomes = new LinkedHashMap<>();
        d.path("outcomes")
                .forEach(n -> outcomes.put(
                        n.path("handler").asText(),
                        new HandlerOutcome(
                                n.path("handler").asText(),
                                HandlerResult.Status.valueOf(n.path("status").asText()),
                                n.path("affected").asLong(),
                                n.path("message").asText(),
                                n.path("attempts").asInt(),
                                Instant.parse(n.path("at").asText()))));
        Map<String, List<ExportedItem>> items = new LinkedHashMap<>();
        d.path("items").fields().forEachRemaining(e -> {
            List<ExportedItem> l = new ArrayList<>();
            e.getValue().forEach(n -> {
                Map<String, String> fields = new LinkedHashMap<>();
                n.path("fields")
                        .fields()
                        .forEachRemaining(
                                f -> fields.put(f.getKey(), f.getValue().asText()));
                l.add(new ExportedItem(
                        n.path("category").asText(),
                        n.path("source").asText(),
                        fields,
                        n.path("providedBySubject").asBoolean()));
            });
            items.put(e.getKey(), l);
        });
        return new PrivacyRequest(
                tenant,
                d.path("id").asText(),
                PrivacyRight.valueOf(d.path("right").asText()),
                RequestState.valueOf(d.path("state").asText()),
                ids,
                pseudonyms,
                Instant.parse(d.path("receivedAt").asText()),
                ext,
                text(d, "verificationMethod"),
                text(d, "refusalReason"),
                corrections,
                purposes,
                d.path("lift").asBoolean(),
                outcomes,
                items,
                d.hasNonNull("completedAt")
                        ? Instant.parse(d.path("completedAt").asText())
                        : null);
    }

    private static @org.jspecify.annotations.Nullable String text(JsonNode d, String field) {
        return d.hasNonNull(field) ? d.path(field).asText() : null;
    }
}
