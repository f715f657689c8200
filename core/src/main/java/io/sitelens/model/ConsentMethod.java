package io.sitelens.model;

/** How a consent decision was expressed. */
public enum ConsentMethod {
    BANNER,
    FORM,
    /** The browser's Global Privacy Control signal (always a withdrawal/refusal). */
    GLOBAL_PRIVACY_CONTROL,
    /** The browser's Do Not Track header (always a refusal). */
    DO_NOT_TRACK,
    API,
    IMPORT
}
