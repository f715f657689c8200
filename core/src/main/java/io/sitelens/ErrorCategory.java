package io.sitelens;

/** Who has to act on an error: the user (bad input, missing consent), an external service, or us. */
public enum ErrorCategory {
    /** Bad usage, bad input or configuration; retrying the same call will not help. */
    USER,
    /** A remote provider failed, refused, or is out of quota. */
    EXTERNAL,
    /** A defect or an unexpected state inside sitelens or a plugin. */
    INTERNAL
}
