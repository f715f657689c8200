package io.sitelens.model;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * One result of an audit check on one URL: the check id ({@code title-missing}), its severity, the URL it
 * concerns, a plain message, and evidence as label → value (for display; not for computation).
 */
public record Finding(String checkId, Severity severity, String url, String message, Map<String, String> evidence) {
    public Finding {
        requireNonNull(checkId, "checkId");
        requireNonNull(severity, "severity");
        requireNonNull(url, "url");
        requireNonNull(message, "message");
        evidence = Map.copyOf(requireNonNull(evidence, "evidence"));
        if (!checkId.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("check id must be lowercase words joined by '-', got '" + checkId + "'");
        }
    }

    public static Finding of(String checkId, Severity severity, String url, String message) {
        return new Finding(checkId, severity, url, message, Map.of());
    }
}
