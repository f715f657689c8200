package io.sitelens.cli.config;

import static java.util.Objects.requireNonNull;

import io.sitelens.model.Project;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A loaded and validated project config file.
 *
 * @param store the store location written in the file (a directory or a {@code jdbc:postgresql://} URL), or null
 * @param consentPolicy the id of the consent policy the project uses
 * @param retention data category → retention period overrides
 * @param cadences job → how often it runs ({@code sync}, {@code crawl}, {@code insights}, {@code retention})
 */
public record ProjectConfig(
        Path file,
        Project project,
        @Nullable String store,
        String consentPolicy,
        Map<String, Period> retention,
        Map<String, Duration> cadences) {
    public ProjectConfig {
        requireNonNull(file, "file");
        requireNonNull(project, "project");
        requireNonNull(consentPolicy, "consentPolicy");
        retention = Map.copyOf(retention);
        cadences = Map.copyOf(cadences);
    }
}
