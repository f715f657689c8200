package io.sitelens.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sitelens.model.Evidence;
import io.sitelens.model.Insight;
import io.sitelens.model.TrackingPlan;
import io.sitelens.model.UsageKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The report's machine-readable summary: one JSON object with {@code schemaVersion} 1 (fields documented in
 * docs/report.md). Missing numbers are {@code null}, rates are fractions, durations seconds.
 */
public final class JsonSummary {
    public static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonSummary() {}

    public static ObjectNode toJson(ReportData d) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("project", d.projectKey());
        root.put("name", d.projectName());
        root.put("mainUrl", d.mainUrl());
        root.put("generatedAt", d.generatedAt().toString());
        ObjectNode period = root.putObject("period");
        period.put("start", d.current().start().toString());
        period.put("end", d.current().end().toString());
        period.put("previousStart", d.previous().start().toString());
        period.put("previousEnd", d.previous().end().toString());
        root.put("source", d.source());
        ArrayNode headlines = root.putArray("headlines");
        for (ReportData.Headline h : d.headlines()) {
            ObjectNode o = headlines.addObject();
            o.put("metric", h.metric().name());
            number(o, "current", h.current());
            number(o, "previous", h.previous());
            number(o, "change", h.change());
        }
        ObjectNode pages = root.putObject("pages");
        pages.put("crawled", d.totalPages());
        pages.put("listed", d.pages().size());
        pages.put(
                "withFindings",
                d.pages().stream().filter(p -> !p.findings().isEmpty()).count());
        ArrayNode findings = root.putArray("findings");
        for (ReportData.CheckCount c : d.findingsByCheck()) {
            ObjectNode o = findings.addObject();
            o.put("check", c.checkId());
            o.put("severity", c.severity().name().toLowerCase(Locale.ROOT));
            o.put("count", c.count());
        }
        ArrayNode insights = root.putArray("insights");
        for (Insight i : d.insights()) {
            ObjectNode o = insights.addObject();
            o.put("type", i.type());
            o.put("score", i.score());
            o.put(
                    "entity",
                    i.entity().kind().name().toLowerCase(Locale.ROOT) + ":"
                            + i.entity().id());
            o.put("start", i.period().start().toString());
            o.put("end", i.period().end().toString());
            o.put("explanation", i.explanation());
            o.put("suggestedAction", i.suggestedAction());
            o.put("provider", i.providerId());
            ArrayNode ev = o.putArray("evidence");
            for (Evidence e : i.evidence()) {
                ObjectNode x = ev.addObject();
                x.put("label", e.label());
                number(x, "value", e.value());
                x.put("metric", e.metric() == null ? null : e.metric().name());
                x.put("note", e.note());
            }
        }
        root.put("screenshots", d.screenshots().size());
        ObjectNode coverage = root.putObject("trackingCoverage");
        coverage.put("htmlPages", d.coverage().htmlPages());
        ArrayNode untagged = coverage.putArray("pagesWithoutTag");
        d.coverage().pagesWithoutTag().forEach(untagged::add);
        TrackingPlan plan = d.trackingPlan();
        if (plan == null) {
            root.putNull("trackingPlan");
        } else {
            ObjectNode p = root.putObject("trackingPlan");
            p.put("containerId", plan.containerId());
            p.put("tags", plan.tags().size());
            p.put(
                    "pausedTags",
                    plan.tags().stream().filter(TrackingPlan.Tag::paused).count());
            ArrayNode events = p.putArray("events");
            plan.events().forEach(e -> events.add(e.name()));
            ArrayNode ids = p.putArray("measurementIds");
            plan.measurementIds().forEach(ids::add);
        }
        ArrayNode notes = root.putArray("notes");
        d.notes().forEach(notes::add);
        ObjectNode usage = root.putObject("usage");
        if (d.usage() != null) {
            for (Map.Entry<String, Map<UsageKind, Long>> e :
                    new java.util.TreeMap<>(d.usage().totals()).entrySet()) {
                ObjectNode u = usage.putObject(e.getKey());
                for (Map.Entry<UsageKind, Long> k : e.getValue().entrySet()) {
                    u.put(k.getKey().name().toLowerCase(Locale.ROOT), k.getValue());
                }
            }
        }
        return root;
    }

    public static String render(ReportData d) {
        try {
            return MAPPER.writeValueAsString(toJson(d)) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    public static void write(ReportData d, Path file) throws IOException {
        Files.writeString(file, render(d));
    }

    private static void number(ObjectNode o, String field, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            o.putNull(field);
        } else {
            o.put(field, v);
        }
    }
}
