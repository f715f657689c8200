package io.sitelens.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A dimension to break metrics down by: canonical ({@code date}, {@code page}, …) or provider-native
 * ({@code ga4:deviceCategory}).
 */
public record DimensionName(String name) {
    public static final DimensionName DATE = new DimensionName("date");
    /** The page path (with query string where the provider keeps it), e.g. {@code /pricing}. */
    public static final DimensionName PAGE = new DimensionName("page");
    /** The full page URL including the host, where the provider has it. */
    public static final DimensionName PAGE_URL = new DimensionName("page_url");

    public static final DimensionName PAGE_TITLE = new DimensionName("page_title");
    public static final DimensionName HOST = new DimensionName("host");
    public static final DimensionName LANDING_PAGE = new DimensionName("landing_page");
    public static final DimensionName EVENT_NAME = new DimensionName("event_name");
    public static final DimensionName CHANNEL = new DimensionName("channel");
    public static final DimensionName SOURCE = new DimensionName("source");
    public static final DimensionName DEVICE = new DimensionName("device");
    public static final DimensionName COUNTRY = new DimensionName("country");

    private static final List<DimensionName> CANONICAL =
            List.of(DATE, PAGE, PAGE_URL, PAGE_TITLE, HOST, LANDING_PAGE, EVENT_NAME, CHANNEL, SOURCE, DEVICE, COUNTRY);

    public DimensionName {
        requireNonNull(name, "name");
        if (!name.matches("([a-z0-9]+:)?[A-Za-z0-9_.:/-]+")) {
            throw new IllegalArgumentException("dimension name must be canonical or provider:name, got '" + name + "'");
        }
    }

    public static List<DimensionName> canonical() {
        return CANONICAL;
    }

    public static Optional<DimensionName> canonical(String name) {
        return CANONICAL.stream().filter(d -> d.name.equals(name)).findFirst();
    }

    public static DimensionName parse(String text) {
        requireNonNull(text, "text");
        String t = text.trim();
        if (t.contains(":")) {
            return new DimensionName(t);
        }
        return canonical(t)
                .orElseThrow(
                        () -> new IllegalArgumentException("unknown dimension '" + t + "'; canonical dimensions are "
                                + CANONICAL.stream().map(DimensionName::name).toList() + ", or write provider:name"));
    }

    public boolean isCanonical() {
        return !name.contains(":");
    }

    public String localName() {
        int i = name.indexOf(':');
        return i < 0 ? name : name.substring(i + 1);
    }

    @Override
    public String toString() {
        return name;
    }
}
