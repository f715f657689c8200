package io.sitelens.connector.file;

import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.connector.file.internal.ExportFile;
import io.sitelens.connector.file.internal.ExportQuery;
import io.sitelens.connector.file.internal.Vocabulary;
import io.sitelens.model.DimensionName;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricQuery;
import io.sitelens.model.MetricTable;
import io.sitelens.spi.PluginContext;
import io.sitelens.spi.connector.Catalog;
import io.sitelens.spi.connector.ConnectorConfig;
import io.sitelens.spi.connector.DimensionDescriptor;
import io.sitelens.spi.connector.MetricConnector;
import io.sitelens.spi.connector.MetricDescriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Analytics exports in CSV files as a metric connector: one column for the day, an optional column for the
 * page, one column per metric (named by its canonical name or a common export header). Headers are read and
 * checked when the connector is opened; rows are streamed on every query (nothing is held in memory but the
 * answer), and any bad cell fails the query with an error naming the file, line and column.
 *
 * <p>Exports are final, so {@link #unsettledDays()} is 0.
 */
public final class FileConnector implements MetricConnector {
    private final String bindingId;
    private final Path root;
    private final List<ExportFile> files;
    private final long maxBytes;
    private final PluginContext context;

    private FileConnector(String bindingId, Path root, List<ExportFile> files, long maxBytes, PluginContext context) {
        this.bindingId = bindingId;
        this.root = root;
        this.files = List.copyOf(files);
        this.maxBytes = maxBytes;
        this.context = context;
    }

    static FileConnector open(ConnectorConfig config, PluginContext context) {
        String pathText = config.requireString("path");
        long maxBytes = config.longValue("maxBytes", FileConnectorFactory.DEFAULT_MAX_BYTES);
        if (maxBytes < 1) {
            throw config.invalid("maxBytes", "must be positive, got " + maxBytes);
        }
        Path root;
        try {
            root = Paths.get(pathText);
        } catch (RuntimeException e) {
            throw config.invalid("path", "is not a valid path: '" + pathText + "'");
        }
        List<Path> paths = list(config, root);
        Set<String> ignored = config.string("ignoreColumns").stream()
                .flatMap(s -> Arrays.stream(s.split(",")))
                .map(Vocabulary::normalise)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        String date = config.string("dateColumn").orElse(null);
        String page = config.string("pageColumn").orElse(null);
        List<ExportFile> files = new ArrayList<>();
        for (Path p : paths) {
            files.add(ExportFile.open(p, date, page, ignored, maxBytes));
        }
        return new FileConnector(config.bindingId(), root, files, maxBytes, context);
    }

    private static List<Path> list(ConnectorConfig config, Path root) {
        if (Files.isRegularFile(root)) {
            return List.of(root);
        }
        if (!Files.isDirectory(root)) {
            throw config.invalid("path", "'" + root + "' is neither a file nor a directory");
        }
        try (Stream<Path> s = Files.list(root)) {
            List<Path> csv = s.filter(p -> Files.isRegularFile(p)
                            && p.getFileName()
                                    .toString()
                                    .toLowerCase(java.util.Locale.ROOT)
                                    .endsWith(".csv"))
                    .sorted()
                    .limit(FileConnectorFactory.MAX_FILES + 1L)
                    .toList();
            if (csv.isEmpty()) {
                throw config.invalid("path", "directory '" + root + "' has no .csv file");
            }
            if (csv.size() > FileConnectorFactory.MAX_FILES) {
                throw config.invalid(
                        "path", "directory '" + root + "' has more than " + FileConnectorFactory.MAX_FILES + " files");
            }
            return csv;
        } catch (IOException e) {
            throw config.invalid("path", "directory '" + root + "' cannot be listed: " + e.getMessage());
        }
    }

    @Override
    public String providerId() {
        return FileConnectorFactory.ID;
    }

    /** The metrics of every file's columns, in order of first appearance. */
    @Override
    public Catalog catalog() {
        Map<String, MetricDescriptor> metrics = new LinkedHashMap<>();
        boolean pages = false;
        for (ExportFile f : files) {
            pages |= f.hasPages();
            for (ExportFile.MetricColumn c : f.metricColumns()) {
                metrics.putIfAbsent(
                        c.metric().name(),
                        new MetricDescriptor(
                                c.metric(), c.header(), c.header(), !c.metric().isCanonical()));
            }
        }
        List<DimensionDescriptor> dims = new ArrayList<>();
        dims.add(new DimensionDescriptor(DimensionName.DATE, "date", "Date", false));
        if (pages) {
            dims.add(new DimensionDescriptor(DimensionName.PAGE, "page", "Page path", false));
        }
        return new Catalog(List.copyOf(metrics.values()), dims);
    }

    @Override
    public MetricTable query(MetricQuery query) {
        Catalog catalog = catalog();
        List<MetricName> typed = new ArrayList<>();
        for (MetricName m : query.metrics()) {
            typed.add(catalog.metric(m)
                    .map(MetricDescriptor::name)
                    .orElseThrow(() -> new SitelensException(
                            ErrorCode.INVALID_INPUT,
                            providerId(),
                            "binding '" + bindingId + "': no column holds metric '" + m + "' in " + root
                                    + "; available: "
                                    + catalog.metrics().stream()
                                            .map(d -> d.name().name())
                                            .toList(),
                            null)));
        }
        for (DimensionName d : query.dimensions()) {
            if (catalog.dimension(d).isEmpty()) {
                throw new SitelensException(
                        ErrorCode.INVALID_INPUT,
                        providerId(),
                        "binding '" + bindingId + "': cannot break down by '" + d + "'; the files in " + root
                                + " have "
                                + catalog.dimensions().stream()
                                        .map(x -> x.name().name())
                                        .toList(),
                        null);
            }
        }
        long started = System.nanoTime();
        MetricTable t = new ExportQuery(files, maxBytes).run(query, typed);
        context.usage().record(io.sitelens.model.UsageKind.CPU_NANOS, System.nanoTime() - started);
        return t;
    }

    /** Exports do not change after they are written. */
    @Override
    public int unsettledDays() {
        return 0;
    }

    @Override
    public String toString() {
        return "FileConnector[" + bindingId + ", " + root + ", " + files.size() + " file(s)]";
    }
}
