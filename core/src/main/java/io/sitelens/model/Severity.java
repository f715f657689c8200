package io.sitelens.model;

/** How much a finding matters. */
public enum Severity {
    ERROR,
    WARNING,
    NOTICE
}
