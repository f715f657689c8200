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
 */
public record ProjectConfig(
        Path file, Project project, @Nullable String store, String consentPolicy) {
    public ProjectConfig {
        requireNonNull(file, "file");
        requireNonNull(project, "project");
        requireNonNull(consentPolicy, "consentPolicy");
    }

    /** Data category → retention period overrides (they are part of the project). */
    public Map<String, Period> retention() {
        return project.retention();
    }

    /** Job → how often it runs: {@code sync}, {@code crawl}, {@code insights}, {@code retention}. */
    public Map<String, Duration> cadences() {
        return project.cadences();
    }
}
