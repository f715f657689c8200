package io.sitelens.connector.mailchimp.internal;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/** A Mailchimp audience (list): its id and, when discovered, its name. */
record Audience(String id, @Nullable String name) {
    Audience {
        requireNonNull(id, "id");
    }

    /** {@code id} or {@code id (name)}, for result messages (an audience name is not the subject's data). */
    String label() {
        return name == null || name.isBlank() ? id : id + " (" + name + ")";
    }
}
