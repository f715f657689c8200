package io.sitelens.spi.connector;

import static java.util.Objects.requireNonNull;

import io.sitelens.model.DimensionName;
import io.sitelens.model.MetricName;
import java.util.List;
import java.util.Optional;

/** The metrics and dimensions a bound provider offers (custom ones included). */
public record Catalog(List<MetricDescriptor> metrics, List<DimensionDescriptor> dimensions) {
    public Catalog {
        metrics = List.copyOf(requireNonNull(metrics, "metrics"));
        dimensions = List.copyOf(requireNonNull(dimensions, "dimensions"));
    }

    public Optional<MetricDescriptor> metric(MetricName name) {
        return metrics.stream().filter(m -> m.name().name().equals(name.name())).findFirst();
    }

    public Optional<DimensionDescriptor> dimension(DimensionName name) {
        return dimensions.stream().filter(d -> d.name().equals(name)).findFirst();
    }
}
