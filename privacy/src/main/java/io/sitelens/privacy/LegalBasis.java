package io.sitelens.privacy;

/** The lawful bases of GDPR Art. 6(1) sitelens's processing rests on. */
public enum LegalBasis {
    CONSENT,
    CONTRACT,
    LEGAL_OBLIGATION,
    LEGITIMATE_INTEREST
}
