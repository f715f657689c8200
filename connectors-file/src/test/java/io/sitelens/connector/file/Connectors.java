package io.sitelens.connector.file;

import io.sitelens.Sitelens;
import io.sitelens.memory.InMemoryStorageAdapter;
import io.sitelens.model.ConnectorBinding;
import io.sitelens.model.Project;
import io.sitelens.model.ProjectKey;
import io.sitelens.spi.connector.MetricConnector;
import io.sitelens.spi.consent.StrictOptInConsentPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

/** Opens file connectors the way a host does: through the facade, from a project binding. */
final class Connectors {
    private Connectors() {}

    static MetricConnector open(Map<String, String> settings) {
        Sitelens sitelens = Sitelens.builder()
                .storage(new InMemoryStorageAdapter())
                .consentPolicy(StrictOptInConsentPolicy::new)
                .plugin(new FilePlugin())
                .build();
        Project project = Project.builder(ProjectKey.of("acme", "www"), URI.create("https://www.example.org/"))
                .binding(new ConnectorBinding("exports", "file", settings, Map.of()))
                .build();
        return sitelens.openConnector(project, "exports");
    }

    static MetricConnector open(Path path, String... keyValues) {
        Map<String, String> settings = new HashMap<>();
        settings.put("path", path.toString());
        for (int i = 0; i < keyValues.length; i += 2) {
            settings.put(keyValues[i], keyValues[i + 1]);
        }
        return open(settings);
    }

    /** Copies a test resource from {@code /file/} into {@code dir}. */
    static Path copy(String name, Path dir) {
        try (InputStream in = Connectors.class.getResourceAsStream("/file/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            Path out = dir.resolve(name);
            Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path dir, String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
