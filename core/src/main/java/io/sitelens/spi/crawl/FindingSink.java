package io.sitelens.spi.crawl;

import io.sitelens.model.Finding;
import java.util.Map;

/** Where checks report findings. Thread-safe. */
@FunctionalInterface
public interface FindingSink {
    void report(Finding finding);

    default void report(PageCheck check, String url, String message) {
        report(new Finding(check.id(), check.severity(), url, message, Map.of()));
    }

    default void report(PageCheck check, String url, String message, Map<String, String> evidence) {
        report(new Finding(check.id(), check.severity(), url, message, evidence));
    }
}
