package io.sitelens.spi.connector;

import static java.util.Objects.requireNonNull;

import io.sitelens.model.MetricName;

/**
 * A metric a provider offers: the name users query it by (canonical when it maps to one), the provider's own
 * name, a display name, and whether it is a custom metric of this property or site.
 */
public record MetricDescriptor(MetricName name, String nativeName, String displayName, boolean custom) {
    public MetricDescriptor {
        requireNonNull(name, "name");
        requireNonNull(nativeName, "nativeName");
        requireNonNull(displayName, "displayName");
    }
}
