package io.sitelens.privacy;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One entry of the records of processing activities (GDPR Art. 30(1)).
 *
 * @param name the activity
 * @param purpose why the data is processed
 * @param basis the lawful basis
 * @param subjects categories of data subjects
 * @param dataCategories categories of personal data
 * @param recipients categories of recipients
 * @param retention when the data is erased (a retention category or a plain statement)
 * @param sources where the data comes from
 */
public record ProcessingActivity(
        String name,
        String purpose,
        LegalBasis basis,
        List<String> subjects,
        List<String> dataCategories,
        List<String> recipients,
        String retention,
        List<String> sources) {
    public ProcessingActivity {
        requireNonNull(name, "name");
        requireNonNull(purpose, "purpose");
        requireNonNull(basis, "basis");
        subjects = List.copyOf(subjects);
        dataCategories = List.copyOf(dataCategories);
        recipients = List.copyOf(recipients);
        requireNonNull(retention, "retention");
        sources = List.copyOf(sources);
    }
}
