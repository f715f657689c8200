package io.sitelens.connector.matomo.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitelens.connector.matomo.internal.Vocabulary.Resolved;
import io.sitelens.connector.matomo.internal.Vocabulary.Source;
import io.sitelens.model.DimensionName;
import io.sitelens.model.MetricName;
import io.sitelens.spi.connector.Catalog;
import io.sitelens.spi.connector.DimensionDescriptor;
import io.sitelens.spi.connector.MetricDescriptor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a Matomo site offers, read from {@code API.getReportMetadata}: the canonical metrics this connector maps,
 * then every Matomo metric by its own name ({@code matomo:nb_hits}) with its unit, and which report carries it.
 */
final class MatomoCatalog {
    private static final List<String> PREFERRED_SITE_REPORTS =
            List.of("VisitsSummary_get", "Actions_get", "Goals_get", "VisitFrequency_get");
    private static final String NAME = "[A-Za-z0-9_.:/-]+";

    /** Report uniqueId -> metric key -> Matomo type. */
    private final Map<String, Map<String, String>> reports = new LinkedHashMap<>();
    /** Report uniqueId -> API method, for reports without a dimension (site totals). */
    private final Map<String, String> siteReports = new LinkedHashMap<>();

    private final Catalog catalog;

    private MatomoCatalog(JsonNode metadata) {
        Map<String, MetricDescriptor> metrics = new LinkedHashMap<>();
        Vocabulary.offeredCanonical()
                .forEach((m, nativeName) ->
                        metrics.put(m.name(), new MetricDescriptor(m, nativeName, displayName(m.name()), false)));
        Map<String, String> types = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Boolean> custom = new LinkedHashMap<>();
        if (metadata.isArray()) {
            for (JsonNode report : metadata) {
                String id = report.path("uniqueId").asText("");
                String module = report.path("module").asText("");
                String action = report.path("action").asText("");
                if (id.isEmpty() || module.isEmpty() || action.isEmpty()) {
                    continue;
                }
                boolean isCustom = module.startsWith("Custom");
                Map<String, String> keys = reports.computeIfAbsent(id, k -> new LinkedHashMap<>());
                for (String field : List.of("metrics", "processedMetrics", "metricTypes")) {
                    JsonNode obj = report.path(field);
                    if (!obj.isObject()) {
                        continue;
                    }
                    for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> e = it.next();
                        String key = e.getKey();
                        if (!key.matches(NAME)) {
                            continue;
                        }
                        String type = report.path("metricTypes").path(key).asText("number");
                        keys.put(key, type);
                        types.putIfAbsent(key, type);
                        if (!field.equals("metricTypes")) {
                            names.putIfAbsent(key, e.getValue().asText(key));
                        }
                        custom.merge(key, isCustom, Boolean::logicalAnd);
                    }
                }
                if (!report.hasNonNull("dimension")
                        && !report.has("dimensions")
                        && !report.has("parameters")
                        && !siteReports.containsKey(id)) {
                    siteReports.put(id, module + "." + action);
                }
            }
        }
        for (RowReport r : RowReport.values()) {
            r.rawColumns.forEach((k, unit) -> types.putIfAbsent(k, matomoTypeOf(unit)));
        }
        types.forEach((key, type) -> {
            MetricName name = MetricName.nativeName(MatomoErrors.PROVIDER, key, Vocabulary.valueType(key, type));
            metrics.putIfAbsent(
                    name.name(),
                    new MetricDescriptor(name, key, names.getOrDefault(key, key), custom.getOrDefault(key, false)));
        });
        List<DimensionDescriptor> dims = new ArrayList<>();
        dims.add(new DimensionDescriptor(DimensionName.DATE, "date", "Date", false));
        for (RowDimension d : RowDimension.values()) {
            dims.add(new DimensionDescriptor(d.name, d.report.method, displayName(d.name.localName()), false));
        }
        this.catalog = new Catalog(List.copyOf(metrics.values()), dims);
    }

    static MatomoCatalog parse(JsonNode metadata) {
        return new MatomoCatalog(metadata);
    }

    Catalog catalog() {
        return catalog;
    }

    /**
     * The columns of the main site reports, as every Matomo since 4.0 answers them: native names among these are
     * resolved without asking for {@code API.getReportMetadata} (one round trip fewer).
     */
    private static final Map<String, Map<String, String>> KNOWN_SITE_REPORTS = Map.of(
            "VisitsSummary.get",
            Map.ofEntries(
                    Map.entry("nb_uniq_visitors", "number"),
                    Map.entry("nb_users", "number"),
                    Map.entry("nb_visits", "number"),
                    Map.entry("nb_actions", "number"),
                    Map.entry("nb_visits_converted", "number"),
                    Map.entry("bounce_count", "number"),
                    Map.entry("sum_visit_length", "duration_s"),
                    Map.entry("max_actions", "number"),
                    Map.entry("bounce_rate", "percent"),
                    Map.entry("nb_actions_per_visit", "number"),
                    Map.entry("avg_time_on_site", "duration_s")),
            "Actions.get",
            Map.of(
                    "nb_pageviews", "number",
                    "nb_uniq_pageviews", "number",
                    "nb_downloads", "number",
                    "nb_uniq_downloads", "number",
                    "nb_outlinks", "number",
                    "nb_uniq_outlinks", "number",
                    "nb_searches", "number",
                    "nb_keywords", "number",
                    "avg_time_generation", "duration_s"),
            "Goals.get",
            Map.of("nb_conversions", "number", "revenue", "money", "conversion_rate", "percent"));

    /** A native metric known without the catalog: a raw column of a row report or of a main site report. */
    static Optional<Resolved> known(@org.jspecify.annotations.Nullable RowReport report, String key) {
        if (report != null) {
            Column.Unit unit = report.rawColumns.get(key);
            return unit == null
                    ? Optional.empty()
                    : Optional.of(resolved(key, matomoTypeOf(unit), new Source(report.method, Source.Shape.ROWS)));
        }
        for (String method : List.of("VisitsSummary.get", "Actions.get", "Goals.get")) {
            String type = KNOWN_SITE_REPORTS.get(method).get(key);
            if (type != null) {
                return Optional.of(resolved(key, type, new Source(method, Source.Shape.OBJECT)));
            }
        }
        return Optional.empty();
    }

    /** A native metric ({@code matomo:KEY}) for the whole site, from the first site report that has it. */
    Optional<Resolved> nativeSite(String key) {
        List<String> order = new ArrayList<>(PREFERRED_SITE_REPORTS);
        siteReports.keySet().stream().filter(id -> !order.contains(id)).forEach(order::add);
        for (String id : order) {
            String method = siteReports.get(id);
            String type = reports.getOrDefault(id, Map.of()).get(key);
            if (method != null && type != null) {
                return Optional.of(resolved(key, type, new Source(method, Source.Shape.OBJECT)));
            }
        }
        return Optional.empty();
    }

    /** A native metric read from the rows of {@code report}. */
    Optional<Resolved> nativeRows(RowReport report, String key) {
        String type = reports.getOrDefault(report.uniqueId(), Map.of()).get(key);
        if (type == null && report.rawColumns.containsKey(key)) {
            type = matomoTypeOf(report.rawColumns.get(key));
        }
        return type == null
                ? Optional.empty()
                : Optional.of(resolved(key, type, new Source(report.method, Source.Shape.ROWS)));
    }

    private static Resolved resolved(String key, String type, Source source) {
        MetricName name = MetricName.nativeName(MatomoErrors.PROVIDER, key, Vocabulary.valueType(key, type));
        boolean absentIsZero =
                key.startsWith("entry_nb") || key.startsWith("exit_nb") || key.equals("entry_bounce_count");
        return new Resolved(name, key, source, Column.field(key, Vocabulary.unit(key, type), absentIsZero));
    }

    private static String matomoTypeOf(Column.Unit unit) {
        return switch (unit) {
            case COUNT, NUMBER -> "number";
            case RATE -> "percent";
            case SECONDS -> "duration_s";
            case MILLIS -> "duration_ms";
            case MONEY -> "money";
        };
    }

    private static String displayName(String snake) {
        String s = snake.replace('_', ' ');
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
