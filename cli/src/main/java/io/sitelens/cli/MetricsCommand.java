package io.sitelens.cli;

import io.sitelens.Sitelens;
import io.sitelens.cli.config.ProjectConfig;
import io.sitelens.cli.config.ProjectConfigLoader;
import io.sitelens.memory.InMemoryStorageAdapter;
import io.sitelens.model.DataQualityNote;
import io.sitelens.model.DateRange;
import io.sitelens.model.DimensionName;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricQuery;
import io.sitelens.model.MetricRow;
import io.sitelens.model.MetricTable;
import io.sitelens.model.ValueType;
import io.sitelens.spi.connector.Catalog;
import io.sitelens.spi.connector.MetricConnector;
import io.sitelens.spi.connector.MetricDescriptor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sitelens metrics}: runs one query against one binding of a project and prints the table as CSV or
 * JSON. Metric names are canonical ({@code page_views}) or the provider's own ({@code ga4:screenPageViews}).
 */
@Command(name = "metrics", description = "Query a bound analytics connector and print the table (CSV or JSON).")
final class MetricsCommand implements Callable<Integer> {

    @Option(
            names = "--config",
            required = true,
            paramLabel = "FILE",
            description = "Project config file (YAML or JSON).")
    Path config;

    @Option(names = "--source", required = true, paramLabel = "BINDING", description = "Binding id in the config.")
    String source;

    @Option(
            names = "--metrics",
            required = true,
            split = ",",
            paramLabel = "A,B",
            description = "Canonical names (page_views, sessions, bounce_rate, …) or provider:name.")
    List<String> metrics;

    @Option(names = "--dimensions", split = ",", paramLabel = "D,E", description = "Such as page,date.")
    List<String> dimensions = List.of();

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD")
    String from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD")
    String to;

    @Option(
            names = "--format",
            defaultValue = "csv",
            paramLabel = "csv|json",
            description = "Output format (default csv).")
    String format;

    @Option(names = "--limit", paramLabel = "N", description = "At most N rows.")
    Long limit;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String fmt = format.toLowerCase(Locale.ROOT);
        if (!fmt.equals("csv") && !fmt.equals("json")) {
            throw new IllegalArgumentException("--format must be csv or json, got '" + format + "'");
        }
        ProjectConfig cfg = ProjectConfigLoader.load(config);
        DateRange range = DateRange.parse(from, to);
        try (Sitelens sitelens = Runtime.open(new InMemoryStorageAdapter(), cfg);
                MetricConnector connector = sitelens.openConnector(cfg.project(), source)) {
            Catalog catalog = connector.catalog();
            MetricQuery.Builder q = MetricQuery.builder(range);
            for (String m : metrics) {
                q.metric(resolve(MetricName.parse(m), catalog));
            }
            for (String d : dimensions) {
                q.dimension(DimensionName.parse(d));
            }
            if (limit != null) {
                q.rowLimit(limit);
            }
            MetricTable table = connector.query(q.build());
            PrintWriter out = spec.commandLine().getOut();
            if (fmt.equals("csv")) {
                printCsv(out, table);
            } else {
                Json.print(out, jsonOf(table, cfg, connector.providerId(), range));
            }
            for (DataQualityNote n : table.notes()) {
                spec.commandLine()
                        .getErr()
                        .println("note: " + n.kind().name().toLowerCase(Locale.ROOT) + ": " + n.message());
            }
            return ExitCode.OK;
        }
    }

    /** A native name typed by the user takes its unit from the catalog, so values are typed correctly. */
    private static MetricName resolve(MetricName asked, Catalog catalog) {
        if (asked.isCanonical()) {
            return asked;
        }
        return catalog.metric(asked).map(MetricDescriptor::name).orElse(asked);
    }

    static void printCsv(PrintWriter out, MetricTable t) {
        List<String> header = new ArrayList<>();
        t.dimensions().forEach(d -> header.add(d.name()));
        t.metrics().forEach(m -> header.add(m.name()));
        out.println(String.join(",", header.stream().map(MetricsCommand::csv).toList()));
        for (MetricRow r : t.rows()) {
            List<String> cells = new ArrayList<>();
            r.dimensionValues().forEach(v -> cells.add(csv(v)));
            for (int i = 0; i < t.metrics().size(); i++) {
                cells.add(number(r.value(i), t.type(i)));
            }
            out.println(String.join(",", cells));
        }
        out.flush();
    }

    private static Map<String, Object> jsonOf(MetricTable t, ProjectConfig cfg, String provider, DateRange range) {
        Map<String, Object> doc = Json.document();
        doc.put("project", cfg.project().key().toString());
        doc.put("source", provider);
        doc.put("from", range.start().toString());
        doc.put("to", range.end().toString());
        doc.put("dimensions", t.dimensions().stream().map(DimensionName::name).toList());
        List<Map<String, String>> ms = new ArrayList<>();
        for (MetricName m : t.metrics()) {
            ms.add(Map.of("name", m.name(), "type", m.type().name().toLowerCase(Locale.ROOT)));
        }
        doc.put("metrics", ms);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (MetricRow r : t.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < t.dimensions().size(); i++) {
                row.put(t.dimensions().get(i).name(), r.dimension(i));
            }
            for (int i = 0; i < t.metrics().size(); i++) {
                row.put(t.metrics().get(i).name(), jsonNumber(r.value(i), t.type(i)));
            }
            rows.add(row);
        }
        doc.put("rows", rows);
        doc.put("rowCount", rows.size());
        List<Map<String, String>> notes = new ArrayList<>();
        for (DataQualityNote n : t.notes()) {
            notes.add(Map.of("kind", n.kind().name().toLowerCase(Locale.ROOT), "message", n.message()));
        }
        doc.put("notes", notes);
        return doc;
    }

    private static Object jsonNumber(double v, ValueType type) {
        if (Double.isNaN(v)) {
            return null;
        }
        return type == ValueType.COUNT ? (Object) Math.round(v) : (Object) v;
    }

    private static String number(double v, ValueType type) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (type == ValueType.COUNT) {
            return Long.toString(Math.round(v));
        }
        return Double.toString(v);
    }

    private static String csv(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
