package io.sitelens.connector.ga4.internal;

import com.google.analytics.data.v1beta.DimensionMetadata;
import com.google.analytics.data.v1beta.Metadata;
import com.google.analytics.data.v1beta.MetricMetadata;
import com.google.analytics.data.v1beta.MetricType;
import io.sitelens.model.DimensionName;
import io.sitelens.model.MetricName;
import io.sitelens.spi.connector.Catalog;
import io.sitelens.spi.connector.DimensionDescriptor;
import io.sitelens.spi.connector.MetricDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A property's {@code getMetadata} answer (standard and custom dimensions and metrics) and the
 * {@link Catalog} it maps to: every GA4 name as {@code ga4:apiName}, plus each canonical name whose GA4
 * source the property has.
 */
public final class PropertyMetadata {
    private final Map<String, MetricMetadata> metrics = new LinkedHashMap<>();
    private final Map<String, DimensionMetadata> dimensions = new LinkedHashMap<>();
    private final Catalog catalog;

    private PropertyMetadata(Metadata md) {
        md.getMetricsList().forEach(m -> metrics.put(m.getApiName(), m));
        md.getDimensionsList().forEach(d -> dimensions.put(d.getApiName(), d));
        this.catalog = buildCatalog();
    }

    public static PropertyMetadata of(Metadata md) {
        return new PropertyMetadata(md);
    }

    public Catalog catalog() {
        return catalog;
    }

    public boolean hasMetric(String apiName) {
        return metrics.containsKey(apiName);
    }

    public boolean hasDimension(String apiName) {
        return dimensions.containsKey(apiName);
    }

    public Optional<MetricType> metricType(String apiName) {
        return Optional.ofNullable(metrics.get(apiName)).map(MetricMetadata::getType);
    }

    private Catalog buildCatalog() {
        List<MetricDescriptor> ms = new ArrayList<>();
        for (MetricName canonical : MetricName.canonical()) {
            Ga4Vocabulary.source(canonical)
                    .filter(s -> s.natives().stream().allMatch(metrics::containsKey))
                    .ifPresent(s -> ms.add(new MetricDescriptor(
                            canonical,
                            s.denominator() == null ? s.numerator() : s.numerator() + "/" + s.denominator(),
                            s.denominator() == null
                                    ? metrics.get(s.numerator()).getUiName()
                                    : "Average engagement time",
                            false)));
        }
        for (MetricMetadata m : metrics.values()) {
            nativeMetric(m.getApiName(), m.getType())
                    .ifPresent(name -> ms.add(new MetricDescriptor(
                            name, m.getApiName(), display(m.getUiName(), m.getApiName()), m.getCustomDefinition())));
        }
        List<DimensionDescriptor> ds = new ArrayList<>();
        for (DimensionName canonical : DimensionName.canonical()) {
            Ga4Vocabulary.nativeDimension(canonical)
                    .filter(dimensions::containsKey)
                    .ifPresent(n -> ds.add(new DimensionDescriptor(
                            canonical, n, display(dimensions.get(n).getUiName(), n), false)));
        }
        for (DimensionMetadata d : dimensions.values()) {
            nativeDimension(d.getApiName())
                    .ifPresent(name -> ds.add(new DimensionDescriptor(
                            name, d.getApiName(), display(d.getUiName(), d.getApiName()), d.getCustomDefinition())));
        }
        return new Catalog(ms, ds);
    }

    static Optional<MetricName> nativeMetric(String apiName, MetricType type) {
        try {
            return Optional.of(
                    MetricName.nativeName(Ga4Vocabulary.PROVIDER, apiName, Ga4Vocabulary.valueType(apiName, type)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Optional<DimensionName> nativeDimension(String apiName) {
        try {
            return Optional.of(new DimensionName(Ga4Vocabulary.PROVIDER + ":" + apiName));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String display(String ui, String api) {
        return ui == null || ui.isBlank() ? api : ui;
    }
}
