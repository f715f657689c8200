package io.sitelens.cli;

import io.sitelens.spi.storage.StorageAdapter;
import io.sitelens.storage.jdbc.JdbcStorage;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The store a command runs on: {@code --store} (a directory for the embedded H2 store, or a
 * {@code jdbc:postgresql://} URL whose password comes from {@code PGPASSWORD}), else the default home
 * directory: the {@code sitelens.home} system property, {@code $SITELENS_HOME}, or {@code ~/.sitelens}.
 */
final class Stores {
    private Stores() {}

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

    static StorageAdapter open(@Nullable String location) {
        Path home = home();
        String loc = location == null ? home.resolve("sitelens").toString() : location;
        return JdbcStorage.open(loc, null, home.resolve("blobs"));
    }
}
