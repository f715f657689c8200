package io.sitelens.connector.gtm;

import static java.util.Objects.requireNonNull;

import io.sitelens.model.Finding;
import io.sitelens.model.Severity;
import java.util.Map;

/**
 * A lint finding about one tag, trigger or variable of a container. The ids and their severities are listed in
 * {@code docs/gtm.md}: {@code paused-tag}, {@code tag-without-trigger}, {@code unused-trigger},
 * {@code unused-variable}, {@code undefined-variable}, {@code ga4-event-without-measurement-id},
 * {@code duplicate-event-name}, {@code invalid-event-name}, {@code missing-consent-settings},
 * {@code universal-analytics-tag}.
 *
 * @param id the rule id
 * @param subjectId the tag, trigger or variable id in the container
 * @param subjectName its name as written
 */
public record GtmFinding(
        String id, Severity severity, SubjectKind subjectKind, String subjectId, String subjectName, String message) {

    /** What a finding is about. */
    public enum SubjectKind {
        TAG,
        TRIGGER,
        VARIABLE;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public GtmFinding {
        requireNonNull(id, "id");
        requireNonNull(severity, "severity");
        requireNonNull(subjectKind, "subjectKind");
        requireNonNull(subjectId, "subjectId");
        requireNonNull(subjectName, "subjectName");
        requireNonNull(message, "message");
    }

    /** {@code tag:NAME}, {@code trigger:NAME} or {@code variable:NAME}. */
    public String subject() {
        return subjectKind.label() + ":" + subjectName;
    }

    /**
     * The same finding as a core {@link Finding}, located at {@code gtm:CONTAINER/KIND/ID} so that it can be
     * stored and reported next to crawl findings.
     */
    public Finding toFinding(String containerId) {
        return new Finding(
                id,
                severity,
                "gtm:" + containerId + "/" + subjectKind.label() + "/" + subjectId,
                message,
                Map.of(subjectKind.label(), subjectName));
    }
}
