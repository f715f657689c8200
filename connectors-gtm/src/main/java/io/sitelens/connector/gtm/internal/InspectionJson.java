package io.sitelens.connector.gtm.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sitelens.connector.gtm.GtmContainer.Parameter;
import io.sitelens.connector.gtm.GtmFinding;
import io.sitelens.connector.gtm.GtmInspection;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Renders {@link GtmInspection} as the JSON documented in {@code docs/gtm.md}. */
public final class InspectionJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private InspectionJson() {}

    public static String write(GtmInspection i) {
        try {
            return ContainerReader.mapper()
                    .writer()
                    .with(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(tree(i));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the GTM inspection as JSON", e);
        }
    }

    public static ObjectNode tree(GtmInspection i) {
        ObjectNode root = F.objectNode();
        root.put("schemaVersion", GtmInspection.SCHEMA_VERSION);
        root.put("containerId", i.containerId());
        putNullable(root, "containerName", i.containerName());
        ObjectNode counts = root.putObject("counts");
        counts.put("tags", i.counts().tags());
        counts.put("triggers", i.counts().triggers());
        counts.put("variables", i.counts().variables());
        counts.put("builtInVariables", i.counts().builtInVariables());
        strings(root.putArray("ga4MeasurementIds"), i.ga4MeasurementIds());
        strings(root.putArray("ga4EventNames"), i.ga4EventNames());
        ObjectNode byType = root.putObject("tagsByType");
        i.tagsByType().forEach(byType::put);
        ObjectNode findings = root.putObject("findings");
        i.findingCounts().forEach(findings::put);
        ArrayNode details = root.putArray("findingDetails");
        for (GtmFinding f : i.findings()) {
            ObjectNode d = details.addObject();
            d.put("id", f.id());
            d.put("severity", f.severity().name().toLowerCase(Locale.ROOT));
            d.put("subject", f.subject());
            d.put("subjectType", f.subjectKind().name().toLowerCase(Locale.ROOT));
            d.put("subjectId", f.subjectId());
            d.put("message", f.message());
        }
        ArrayNode configs = root.putArray("ga4Configs");
        for (GtmInspection.Ga4Config g : i.ga4Configs()) {
            ObjectNode o = configs.addObject();
            o.put("tagId", g.tagId());
            o.put("tagName", g.tagName());
            o.put("type", g.type());
            o.put("idAsWritten", g.idAsWritten());
            putNullable(o, "resolvedId", g.resolvedId());
            o.put("ga4", g.ga4());
        }
        ArrayNode events = root.putArray("ga4Events");
        for (GtmInspection.Ga4Event e : i.ga4Events()) {
            ObjectNode o = events.addObject();
            o.put("tagId", e.tagId());
            o.put("tagName", e.tagName());
            o.put("eventName", e.name());
            o.put("dynamic", e.dynamic());
            o.put("namePattern", e.namePattern());
            putNullable(o, "measurementIdAsWritten", e.measurementIdAsWritten());
            putNullable(o, "measurementId", e.measurementId());
            strings(o.putArray("parameters"), e.parameters());
            o.put("paused", e.paused());
        }
        ArrayNode ads = root.putArray("adsConversions");
        for (GtmInspection.AdsConversion a : i.adsConversions()) {
            ObjectNode o = ads.addObject();
            o.put("tagId", a.tagId());
            o.put("tagName", a.tagName());
            putNullable(o, "conversionId", a.conversionId());
            putNullable(o, "conversionLabel", a.conversionLabel());
        }
        ArrayNode fl = root.putArray("floodlights");
        for (GtmInspection.Floodlight a : i.floodlights()) {
            ObjectNode o = fl.addObject();
            o.put("tagId", a.tagId());
            o.put("tagName", a.tagName());
            o.put("type", a.type());
            putNullable(o, "advertiserId", a.advertiserId());
            putNullable(o, "groupTag", a.groupTag());
            putNullable(o, "activityTag", a.activityTag());
        }
        ArrayNode html = root.putArray("customHtml");
        for (GtmInspection.CustomHtml h : i.customHtml()) {
            ObjectNode o = html.addObject();
            o.put("tagId", h.tagId());
            o.put("tagName", h.tagName());
            o.put("characters", h.characters());
            o.put("matomo", h.matomo());
            strings(o.putArray("matomoSiteIds"), h.matomoSiteIds());
            strings(o.putArray("matomoTrackerUrls"), h.matomoTrackerUrls());
        }
        ArrayNode templates = root.putArray("customTemplateTags");
        for (GtmInspection.CustomTemplateTag t : i.customTemplateTags()) {
            ObjectNode o = templates.addObject();
            o.put("tagId", t.tagId());
            o.put("tagName", t.tagName());
            o.put("type", t.type());
            putNullable(o, "templateName", t.templateName());
            putNullable(o, "galleryRepository", t.galleryRepository());
        }
        return root;
    }

    /** A LIST or MAP parameter as compact JSON: lists as arrays, maps as objects keyed by entry key. */
    static String parameterJson(Parameter p) {
        return parameterNode(p).toString();
    }

    private static com.fasterxml.jackson.databind.JsonNode parameterNode(Parameter p) {
        if (!p.map().isEmpty()) {
            ObjectNode o = F.objectNode();
            for (Parameter e : p.map()) {
                o.set(e.key() == null ? "" : e.key(), parameterNode(e));
            }
            return o;
        }
        if (!p.list().isEmpty() || p.type().equals("LIST")) {
            ArrayNode a = F.arrayNode();
            p.list().forEach(e -> a.add(parameterNode(e)));
            return a;
        }
        return p.value() == null ? F.nullNode() : F.textNode(p.value());
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }

    private static void putNullable(ObjectNode o, String key, @Nullable String value) {
        if (value == null) {
            o.putNull(key);
        } else {
            o.put(key, value);
        }
    }
}
