package io.sitelens.model;

import static java.util.Objects.requireNonNull;

/** A hyperlink from one page to another URL. */
public record Link(String from, String to, String anchorText, boolean nofollow, boolean internal) {
    public Link {
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        requireNonNull(anchorText, "anchorText");
    }
}
