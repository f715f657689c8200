package io.sitelens.report;

import io.sitelens.model.Evidence;
import io.sitelens.model.Finding;
import io.sitelens.model.Insight;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricPoint;
import io.sitelens.model.TrackingPlan;
import io.sitelens.model.UsageKind;
import io.sitelens.model.ValueType;
import io.sitelens.report.internal.Html;
import io.sitelens.report.internal.Style;
import io.sitelens.report.internal.SvgChart;
import io.sitelens.spi.storage.RunRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link ReportData} as one self-contained HTML file: inline CSS and SVG, screenshots as
 * {@code data:} URIs, no script and no request to anywhere (a Content-Security-Policy says so to the
 * browser). Every string from the data is escaped. Sections, in order, each a {@code <section>} with a stable
 * id: {@code summary}, {@code insights}, {@code charts}, {@code pages}, {@code screenshots}, {@code tracking},
 * {@code data-quality}, {@code usage}.
 */
public final class HtmlReport {
    /** The section ids, in order. */
    public static final List<String> SECTIONS =
            List.of("summary", "insights", "charts", "pages", "screenshots", "tracking", "data-quality", "usage");

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private HtmlReport() {}

    /** Writes the report to {@code file} atomically (a temporary file in the same directory, then a move). */
    public static void write(ReportData data, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = file.resolveSibling(
                "." + file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.writeString(tmp, render(data), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static String render(ReportData d) {
        Html h = new Html();
        h.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:;"
                        + " style-src 'unsafe-inline'\">")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .raw("<meta name=\"generator\" content=\"sitelens\"><title>")
                .text("Site audit: " + d.projectName())
                .raw("</title><style>")
                .raw(Style.CSS)
                .raw("</style></head><body>");
        h.raw("<header class=\"top\"><h1>")
                .text("Site audit: " + d.projectName())
                .raw("</h1><p>")
                .link(d.mainUrl(), d.mainUrl())
                .raw(" · ")
                .text("last 28 days " + d.current().start() + " to "
                        + d.current().end() + " vs. " + d.previous().start() + " to "
                        + d.previous().end())
                .raw("</p><p>")
                .text("Generated " + STAMP.format(d.generatedAt()) + " for project " + d.projectKey()
                        + (d.source() == null ? "" : ", analytics from binding '" + d.source() + "'"))
                .raw("</p></header>");
        h.raw("<nav class=\"toc\">");
        String[] titles = {"Summary", "Insights", "Trends", "Pages", "Screenshots", "Tracking", "Data quality", "Usage"
        };
        for (int i = 0; i < SECTIONS.size(); i++) {
            h.raw("<a href=\"#" + SECTIONS.get(i) + "\">").text(titles[i]).raw("</a>");
        }
        h.raw("</nav><main>");
        summary(h, d);
        insights(h, d);
        charts(h, d);
        pages(h, d);
        screenshots(h, d);
        tracking(h, d);
        dataQuality(h, d);
        usage(h, d);
        h.raw("</main><footer>")
                .text("sitelens report · self-contained, no network access needed")
                .raw("</footer>");
        h.raw("</body></html>\n");
        return h.toString();
    }

    private static void open(Html h, String id, String title) {
        h.raw("<section class=\"section\" id=\"" + id + "\"><h2>").text(title).raw("</h2>");
    }

    private static void summary(Html h, ReportData d) {
        open(h, "summary", "Summary");
        h.raw("<div class=\"cards\">");
        for (ReportData.Headline hl : d.headlines()) {
            double c = hl.change();
            String cls =
                    Double.isNaN(c) || Math.abs(c) < 0.005 ? "flat" : (c > 0) == hl.higherIsBetter() ? "good" : "bad";
            h.raw("<div class=\"card headline\"><div class=\"label\">")
                    .text(Formats.label(hl.metric().name()))
                    .raw("</div><div class=\"value\">")
                    .text(Formats.value(hl.type(), hl.current()))
                    .raw("</div><div class=\"delta " + cls + "\">")
                    .text(Formats.change(c) + (Double.isNaN(c) ? "" : " vs. previous 28 days"))
                    .raw("</div></div>");
        }
        long errors = d.findingsByCheck().stream()
                .filter(c -> c.severity() == io.sitelens.model.Severity.ERROR)
                .mapToLong(ReportData.CheckCount::count)
                .sum();
        long findings = d.findingsByCheck().stream()
                .mapToLong(ReportData.CheckCount::count)
                .sum();
        card(h, "Pages crawled", Formats.count(d.totalPages()), "");
        card(h, "Findings", Formats.count(findings), Formats.count(errors) + " errors");
        card(h, "Insights", Formats.count(d.insights().size()), "");
        h.raw("</div>");
        if (d.headlines().isEmpty()) {
            h.el("p", "muted", "No analytics numbers: see Data quality.");
        }
        h.raw("</section>");
    }

    private static void card(Html h, String label, String value, String sub) {
        h.raw("<div class=\"card\"><div class=\"label\">")
                .text(label)
                .raw("</div><div class=\"value\">")
                .text(value)
                .raw("</div><div class=\"delta flat\">")
                .text(sub)
                .raw("</div></div>");
    }

    private static void insights(Html h, ReportData d) {
        open(h, "insights", "Insights, most important first");
        if (d.insights().isEmpty()) {
            h.el("p", "muted", "No insights: more data (analytics history, a crawl) gives more to say.");
            h.raw("</section>");
            return;
        }
        h.raw("<ol class=\"insights\">");
        for (Insight i : d.insights()) {
            h.raw("<li class=\"insight\"><div>")
                    .el("span", "badge", i.type())
                    .raw("<span class=\"score\" title=\"score\"><i style=\"width:" + Math.round(i.score() * 100)
                            + "%\"></i></span> ")
                    .el(
                            "span",
                            "muted",
                            String.format(Locale.ROOT, " score %.2f · ", i.score()) + entity(i) + " · "
                                    + i.period().start() + " to " + i.period().end())
                    .raw("</div><p>")
                    .text(i.explanation())
                    .raw("</p>");
            if (!i.evidence().isEmpty()) {
                h.raw("<table class=\"evidence\"><tbody>");
                for (Evidence e : i.evidence()) {
                    ValueType t =
                            e.metric() == null ? ValueType.NUMBER : e.metric().type();
                    h.raw("<tr><th>")
                            .text(e.label())
                            .raw("</th><td class=\"num\">")
                            .text(Formats.value(t, e.value()))
                            .raw("</td><td>")
                            .text(e.note())
                            .raw("</td></tr>");
                }
                h.raw("</tbody></table>");
            }
            if (!i.suggestedAction().isBlank()) {
                h.raw("<div class=\"action\"><strong>Suggested action:</strong> ")
                        .text(i.suggestedAction())
                        .raw("</div>");
            }
            h.raw("</li>");
        }
        h.raw("</ol></section>");
    }

    private static String entity(Insight i) {
        return switch (i.entity().kind()) {
            case SITE -> "whole site";
            case PAGE -> "page " + i.entity().id();
            case EVENT -> "event " + i.entity().id();
            case CHANNEL -> "channel " + i.entity().id();
            case TAG -> "tag " + i.entity().id();
            case FORM -> "form " + i.entity().id();
            case SELECTOR -> "element " + i.entity().id();
        };
    }

    private static void charts(Html h, ReportData d) {
        open(h, "charts", "Trends over the last year");
        if (d.series().isEmpty()) {
            h.el("p", "muted", "No daily series stored.");
        }
        for (ReportData.Series s : d.series()) {
            MetricName m = s.metric();
            List<SvgChart.Point> pts = new ArrayList<>();
            for (MetricPoint p : s.points()) {
                pts.add(new SvgChart.Point(p.day(), p.value()));
            }
            h.el("h3", null, Formats.label(m.name()) + " per day");
            h.raw(SvgChart.line(
                    Formats.label(m.name()) + " per day",
                    pts,
                    v -> Formats.value(m.type(), v),
                    d.current().start(),
                    m.name().equals(MetricName.BOUNCE_RATE.name()) ? "bounce" : "count"));
        }
        h.el("p", "muted", "The shaded band is the last 28 days.");
        h.raw("</section>");
    }

    private static void pages(Html h, ReportData d) {
        open(h, "pages", "Pages and findings");
        if (!d.findingsByCheck().isEmpty()) {
            h.el("h3", null, "Findings by check");
            h.raw("<table class=\"checks\"><thead><tr><th>Check</th><th>Severity</th><th class=\"num\">Pages</th>"
                    + "<th>Example</th></tr></thead><tbody>");
            for (ReportData.CheckCount c : d.findingsByCheck()) {
                h.raw("<tr><td>")
                        .text(c.checkId())
                        .raw("</td><td>")
                        .el(
                                "span",
                                "badge sev-" + c.severity().name().toLowerCase(Locale.ROOT),
                                c.severity().name().toLowerCase(Locale.ROOT))
                        .raw("</td><td class=\"num\">")
                        .text(Formats.count(c.count()))
                        .raw("</td><td class=\"url\">")
                        .text(c.example())
                        .raw("</td></tr>");
            }
            h.raw("</tbody></table>");
        }
        ReportData.ResourceSummary r = d.resources();
        if (r.count() > 0) {
            StringBuilder types = new StringBuilder();
            for (Map.Entry<String, Integer> e : new java.util.TreeMap<>(r.byType()).entrySet()) {
                types.append(types.length() == 0 ? "" : ", ")
                        .append(e.getValue())
                        .append(' ')
                        .append(e.getKey());
            }
            h.el(
                    "p",
                    "resources",
                    Formats.count(r.count()) + " resources (" + types + "), " + Formats.bytes(r.bytes()) + ", "
                            + r.external() + " external, " + r.broken() + " broken.");
        }
        h.el("h3", null, "Pages (" + d.pages().size() + " of " + d.totalPages() + ", most viewed first)");
        if (d.pages().isEmpty()) {
            h.el("p", "muted", "No crawled pages.");
            h.raw("</section>");
            return;
        }
        h.raw("<table class=\"pages\"><thead><tr><th>Page</th><th class=\"num\">Status</th><th>Title</th>"
                + "<th class=\"num\">Views (28 d)</th><th class=\"num\">Size</th><th class=\"num\">Response</th>"
                + "<th>Findings</th></tr></thead><tbody>");
        for (ReportData.PageRow p : d.pages()) {
            h.raw("<tr><td class=\"url\">")
                    .link(p.url(), p.url())
                    .raw("</td><td class=\"num\">")
                    .text(Integer.toString(p.status()))
                    .raw("</td><td class=\"title\">")
                    .text(p.title())
                    .raw("</td><td class=\"num\">")
                    .text(Formats.value(ValueType.COUNT, p.pageViews()))
                    .raw("</td><td class=\"num\">")
                    .text(Formats.bytes(p.bytes()))
                    .raw("</td><td class=\"num\">")
                    .text(p.responseMillis() + " ms")
                    .raw("</td><td>");
            if (!p.findings().isEmpty()) {
                h.raw("<ul class=\"findings\">");
                for (Finding f : p.findings()) {
                    h.raw("<li>")
                            .el("span", "badge sev-" + f.severity().name().toLowerCase(Locale.ROOT), f.checkId())
                            .text(f.message())
                            .raw("</li>");
                }
                h.raw("</ul>");
            }
            h.raw("</td></tr>");
        }
        h.raw("</tbody></table></section>");
    }

    private static void screenshots(Html h, ReportData d) {
        open(h, "screenshots", "Screenshots of the top pages");
        if (d.screenshots().isEmpty()) {
            h.el("p", "muted", "No screenshots stored (they need Chromium on the machine that ran the audit).");
            h.raw("</section>");
            return;
        }
        h.raw("<div class=\"gallery\">");
        for (ReportData.Shot s : d.screenshots()) {
            h.raw("<figure>");
            if (isPng(s.png())) {
                h.raw("<img alt=\"")
                        .text("Screenshot of " + s.url())
                        .raw("\" width=\"" + s.width() + "\" height=\"" + s.height()
                                + "\" src=\"data:image/png;base64,")
                        .raw(Base64.getEncoder().encodeToString(s.png()))
                        .raw("\">");
            }
            h.raw("<figcaption>").link(s.url(), s.url()).raw("<br>");
            StringBuilder meta = new StringBuilder(s.viewport() + " " + s.width() + "×" + s.height());
            if (s.metrics() != null) {
                meta.append(
                        String.format(Locale.ROOT, " · LCP %.0f ms", s.metrics().largestContentfulPaintMs()));
                if (!s.metrics().javascriptErrors().isEmpty()) {
                    meta.append(" · ")
                            .append(s.metrics().javascriptErrors().size())
                            .append(" JavaScript error(s)");
                }
            }
            h.el("span", "muted", meta.toString());
            if (s.metrics() != null && !s.metrics().javascriptErrors().isEmpty()) {
                h.raw("<br>")
                        .el(
                                "span",
                                "badge sev-error",
                                s.metrics().javascriptErrors().get(0));
            }
            h.raw("</figcaption></figure>");
        }
        h.raw("</div></section>");
    }

    private static boolean isPng(byte[] b) {
        if (b.length < PNG_SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < PNG_SIGNATURE.length; i++) {
            if (b[i] != PNG_SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    private static void tracking(Html h, ReportData d) {
        open(h, "tracking", "Tracking coverage and plan");
        ReportData.Coverage c = d.coverage();
        if (c.htmlPages() > 0) {
            int tagged = Math.max(0, c.htmlPages() - c.pagesWithoutTag().size());
            double share = (double) tagged / c.htmlPages();
            h.raw("<div class=\"meter\"><i style=\"width:" + Math.round(share * 100) + "%\"></i></div>");
            h.el(
                    "p",
                    "coverage",
                    tagged + " of " + c.htmlPages() + " HTML pages carry an analytics tag (GTM, GA4 or" + " Matomo)"
                            + String.format(Locale.ROOT, ": %.0f%%.", share * 100));
            if (!c.pagesWithoutTag().isEmpty()) {
                h.el("h3", null, "Pages without an analytics tag (analytics-tag-missing)");
                h.raw("<ul class=\"untagged\">");
                for (String u : c.pagesWithoutTag()) {
                    h.raw("<li>").link(u, u).raw("</li>");
                }
                h.raw("</ul>");
            }
        } else {
            h.el("p", "muted", "No HTML pages crawled, so tag coverage is unknown.");
        }
        TrackingPlan plan = d.trackingPlan();
        if (plan == null) {
            h.el("p", "muted", "No GTM tracking plan: bind a gtm connector (container export or API) to see it.");
            h.raw("</section>");
            return;
        }
        h.el(
                "h3",
                null,
                "GTM container " + plan.containerId()
                        + (plan.containerName() == null ? "" : " · " + plan.containerName()));
        if (!plan.measurementIds().isEmpty()) {
            h.el("p", null, "Measurement ids: " + String.join(", ", plan.measurementIds()));
        }
        if (!plan.events().isEmpty()) {
            h.raw("<table class=\"events\"><thead><tr><th>Event</th><th>Measurement id</th><th>Parameters</th>"
                    + "</tr></thead><tbody>");
            for (TrackingPlan.TrackedEvent e : plan.events()) {
                h.raw("<tr><td>")
                        .text(e.name() + (e.dynamic() ? " (dynamic)" : ""))
                        .raw("</td><td>")
                        .text(e.measurementId())
                        .raw("</td><td>")
                        .text(String.join(", ", e.parameters()))
                        .raw("</td></tr>");
            }
            h.raw("</tbody></table>");
        }
        h.raw("<table class=\"tags\"><thead><tr><th>Tag</th><th>Type</th><th>Status</th><th>Fires on</th>"
                + "</tr></thead><tbody>");
        Map<String, String> triggerNames = new java.util.HashMap<>();
        // GTM's built-in triggers have fixed ids and are not listed in exports
        triggerNames.put("2147479553", "All Pages (built-in)");
        triggerNames.put("2147479573", "Initialization - All Pages (built-in)");
        triggerNames.put("2147479572", "Consent Initialization - All Pages (built-in)");
        for (TrackingPlan.Trigger t : plan.triggers()) {
            triggerNames.put(t.id(), t.name());
        }
        for (TrackingPlan.Tag t : plan.tags()) {
            List<String> fires = new ArrayList<>();
            for (String id : t.firingTriggerIds()) {
                fires.add(triggerNames.getOrDefault(id, "trigger " + id));
            }
            h.raw("<tr><td>")
                    .text(t.name())
                    .raw("</td><td>")
                    .text(t.type())
                    .raw("</td><td>")
                    .text(t.paused() ? "paused" : "active")
                    .raw("</td><td>")
                    .text(fires.isEmpty() ? "never (no firing trigger)" : String.join(", ", fires))
                    .raw("</td></tr>");
        }
        h.raw("</tbody></table></section>");
    }

    private static void dataQuality(Html h, ReportData d) {
        open(h, "data-quality", "Data quality notes");
        if (d.notes().isEmpty()) {
            h.el("p", "muted", "Nothing to flag: no sampling, thresholding, truncation or gaps were recorded.");
        } else {
            h.raw("<ul class=\"notes\">");
            for (String n : d.notes()) {
                h.el("li", null, n);
            }
            h.raw("</ul>");
        }
        h.raw("</section>");
    }

    private static void usage(Html h, ReportData d) {
        open(h, "usage", "Usage (last 30 days)");
        if (d.usage() == null || d.usage().totals().isEmpty()) {
            h.el("p", "muted", "No usage recorded.");
        } else {
            h.raw("<table class=\"usage\"><thead><tr><th>Provider</th>");
            for (UsageKind k : UsageKind.values()) {
                h.raw("<th class=\"num\">")
                        .text(k.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                        .raw("</th>");
            }
            h.raw("</tr></thead><tbody>");
            for (Map.Entry<String, Map<UsageKind, Long>> e :
                    new java.util.TreeMap<>(d.usage().totals()).entrySet()) {
                h.raw("<tr><td>").text(e.getKey()).raw("</td>");
                for (UsageKind k : UsageKind.values()) {
                    long v = e.getValue().getOrDefault(k, 0L);
                    String shown = k == UsageKind.CPU_NANOS
                            ? String.format(Locale.ROOT, "%.1f s", v / 1e9)
                            : k == UsageKind.BYTES_FETCHED ? Formats.bytes(v) : Formats.count(v);
                    h.raw("<td class=\"num\">").text(shown).raw("</td>");
                }
                h.raw("</tr>");
            }
            h.raw("</tbody></table>");
        }
        if (!d.runs().isEmpty()) {
            h.el("h3", null, "Recent runs");
            h.raw("<table class=\"runs\"><thead><tr><th>Run</th><th>Kind</th><th>Status</th><th>Started</th>"
                    + "<th>Outcomes</th></tr></thead><tbody>");
            for (RunRecord r : d.runs()) {
                StringBuilder o = new StringBuilder();
                for (io.sitelens.Outcome out : r.outcomes()) {
                    o.append(o.length() == 0 ? "" : "; ")
                            .append(out.providerId())
                            .append(": ");
                    o.append(
                            out instanceof io.sitelens.Outcome.Succeeded s
                                    ? s.summary()
                                    : out instanceof io.sitelens.Outcome.Failed f
                                            ? "failed: " + f.message()
                                            : "skipped: " + ((io.sitelens.Outcome.Skipped) out).reason());
                }
                h.raw("<tr><td>")
                        .text(r.id())
                        .raw("</td><td>")
                        .text(r.kind().name().toLowerCase(Locale.ROOT))
                        .raw("</td><td>")
                        .text(r.status().name().toLowerCase(Locale.ROOT))
                        .raw("</td><td>")
                        .text(STAMP.format(r.startedAt()))
                        .raw("</td><td>")
                        .text(o.toString())
                        .raw("</td></tr>");
            }
            h.raw("</tbody></table>");
        }
        h.raw("</section>");
    }
}
