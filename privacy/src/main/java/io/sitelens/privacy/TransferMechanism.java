package io.sitelens.privacy;

/** What makes a transfer of personal data outside the EEA lawful (GDPR Art. 45, 46). */
public enum TransferMechanism {
    /** An adequacy decision of the European Commission, recorded with its name and date. */
    ADEQUACY_DECISION,
    /** Standard contractual clauses, recorded with the date they were signed. */
    STANDARD_CONTRACTUAL_CLAUSES
}
