package io.sitelens.connector.matomo.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitelens.model.DimensionName;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import okhttp3.HttpUrl;

/** A dimension answered by the rows of a {@link RowReport}, and how a row's value is read. */
enum RowDimension {
    PAGE(DimensionName.PAGE, RowReport.PAGE_URLS, Value.PATH),
    PAGE_URL(DimensionName.PAGE_URL, RowReport.PAGE_URLS, Value.URL),
    LANDING_PAGE(DimensionName.LANDING_PAGE, RowReport.ENTRY_PAGE_URLS, Value.PATH),
    PAGE_TITLE(DimensionName.PAGE_TITLE, RowReport.PAGE_TITLES, Value.LABEL),
    EVENT_NAME(DimensionName.EVENT_NAME, RowReport.EVENT_ACTIONS, Value.LABEL),
    EVENT_CATEGORY(new DimensionName("matomo:eventCategory"), RowReport.EVENT_CATEGORIES, Value.LABEL),
    EVENT_ACTION(new DimensionName("matomo:eventAction"), RowReport.EVENT_ACTIONS, Value.LABEL),
    MATOMO_EVENT_NAME(new DimensionName("matomo:eventName"), RowReport.EVENT_NAMES, Value.LABEL);

    /** The value of Matomo's "Others" row, which sums the rows a truncated report left out. */
    static final String OTHER = "(other)";

    final DimensionName name;
    final RowReport report;
    private final Value value;

    RowDimension(DimensionName name, RowReport report, Value value) {
        this.name = name;
        this.report = report;
        this.value = value;
    }

    static Optional<RowDimension> of(DimensionName name) {
        return Arrays.stream(values()).filter(d -> d.name.equals(name)).findFirst();
    }

    /** The row's value for this dimension; {@code paths} memoises URL-to-path conversions across rows. */
    String read(JsonNode row, java.util.Map<String, String> paths) {
        if (isOthersRow(row)) {
            return OTHER;
        }
        String label = row.path("label").asText("").trim();
        String url = row.path("url").asText("");
        return switch (value) {
            case LABEL -> label;
            case URL -> url.isEmpty() ? label : url;
            case PATH ->
                paths.size() < 200_000
                        ? paths.computeIfAbsent(url + "\n" + label, k -> path(url, label))
                        : path(url, label);
        };
    }

    /** Matomo's summary row ("Others", or its raw label {@code -1}), also inside flattened sub-tables. */
    static boolean isOthersRow(JsonNode row) {
        String label = row.path("label").asText("").trim();
        String l = label.toLowerCase(Locale.ROOT);
        return l.equals("others")
                || l.equals("-1")
                || l.endsWith(" - others")
                || l.endsWith("/others")
                || row.path("idsubdatatable").asText("").equals("-1");
    }

    /** The path and query of a page URL ({@code /pricing?plan=pro}); the label when there is no URL. */
    static String path(String url, String label) {
        HttpUrl parsed = url.isEmpty() ? null : HttpUrl.parse(url);
        if (parsed != null) {
            String q = parsed.encodedQuery();
            return parsed.encodedPath() + (q == null ? "" : "?" + q);
        }
        if (!url.isEmpty()) {
            return url;
        }
        return label.startsWith("/") ? label : "/" + label;
    }

    private enum Value {
        LABEL,
        URL,
        PATH
    }
}
