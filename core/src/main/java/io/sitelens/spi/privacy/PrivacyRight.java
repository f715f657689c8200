package io.sitelens.spi.privacy;

/** The GDPR data-subject rights sitelens implements (Art. 15-21). */
public enum PrivacyRight {
    ACCESS,
    RECTIFICATION,
    ERASURE,
    RESTRICTION,
    OBJECTION,
    PORTABILITY
}
