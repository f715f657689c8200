package io.sitelens.model;

/** What a fetched resource is. */
public enum ResourceType {
    HTML,
    IMAGE,
    CSS,
    SCRIPT,
    FONT,
    MEDIA,
    IFRAME,
    DOCUMENT,
    OTHER
}
