package io.sitelens.spi;

/**
 * The version of the service-provider interfaces. Plugins return {@link #VERSION} from their
 * {@code spiVersion()} methods; because it is a compile-time constant, the value the plugin was compiled
 * against is what the running core sees, and discovery refuses a plugin whose major version differs or
 * whose minor version is newer than the core's.
 *
 * <p>Policy: SPIs change only by adding default methods (a minor bump) or new SPI packages. Removing or
 * changing a method is a major bump.
 */
public final class SitelensSpi {
    /** {@code MAJOR.MINOR} of the SPIs in this core. */
    public static final String VERSION = "1.0";

    private SitelensSpi() {}

    /**
     * Whether a plugin compiled against {@code pluginVersion} runs on this core: same major, and a minor no
     * newer than ours.
     */
    public static boolean compatible(String pluginVersion) {
        int[] p = parse(pluginVersion);
        int[] c = parse(VERSION);
        return p[0] == c[0] && p[1] <= c[1];
    }

    static int[] parse(String version) {
        if (version == null || !version.matches("\\d+\\.\\d+")) {
            throw new IllegalArgumentException("SPI version must be MAJOR.MINOR, got '" + version + "'");
        }
        String[] parts = version.split("\\.");
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
    }
}
