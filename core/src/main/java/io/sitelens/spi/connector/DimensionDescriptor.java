package io.sitelens.spi.connector;

import static java.util.Objects.requireNonNull;

import io.sitelens.model.DimensionName;

/** A dimension a provider offers. */
public record DimensionDescriptor(DimensionName name, String nativeName, String displayName, boolean custom) {
    public DimensionDescriptor {
        requireNonNull(name, "name");
        requireNonNull(nativeName, "nativeName");
        requireNonNull(displayName, "displayName");
    }
}
