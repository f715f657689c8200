package io.sitelens;

/** How plugin discovery treats a plugin that fails to load or targets an incompatible SPI version. */
public enum DiscoveryMode {
    /** Do not look for plugins on the class path; use only those registered explicitly. */
    OFF,
    /** Report broken and incompatible plugins in the {@link DiscoveryReport} and go on without them. */
    LENIENT,
    /** Fail {@code build()} on any broken or incompatible plugin. */
    STRICT
}
