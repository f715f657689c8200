package io.sitelens.cli;

import io.sitelens.cli.config.ProjectConfig;
import io.sitelens.spi.storage.StorageAdapter;
import io.sitelens.storage.jdbc.JdbcStorage;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * {@code --store LOCATION}: a directory (the embedded H2 store and its blobs) or a {@code jdbc:postgresql://}
 * URL without a password (from {@code PGPASSWORD}). Default: the config file's {@code store:}, else
 * {@code $SITELENS_HOME}, else {@code ~/.sitelens} (tests set the {@code sitelens.home} system property).
 */
final class StoreOptions {
    @Option(
            names = "--store",
            paramLabel = "LOCATION",
            description = "A directory (embedded database) or a jdbc:postgresql:// URL without a password."
                    + " Default: $SITELENS_HOME, else ~/.sitelens.")
    @Nullable
    String store;

    /** The location in force: the option, the config's {@code store:}, then the defaults. */
    String location(@Nullable ProjectConfig config) {
        if (store != null && !store.isBlank()) {
            return store;
        }
        if (config != null && config.store() != null) {
            String s = config.store();
            if (s.startsWith("jdbc:")) {
                return s;
            }
            Path p = Path.of(s.replaceFirst("^~", System.getProperty("user.home")));
            return (config.file().getParent() == null
                            ? p
                            : config.file().getParent().resolve(p))
                    .toString();
        }
        return home().toString();
    }

    static Path home() {
        String prop = System.getProperty("sitelens.home");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String env = System.getenv("SITELENS_HOME");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".sitelens");
    }

    /** Opens the store; a PostgreSQL store keeps its blobs under the home directory. */
    StorageAdapter open(@Nullable ProjectConfig config) {
        String loc = location(config);
        return JdbcStorage.open(loc, null, home().resolve("blobs"));
    }
}
