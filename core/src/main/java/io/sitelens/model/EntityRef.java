package io.sitelens.model;

import static java.util.Objects.requireNonNull;

/** What an insight is about: the whole site, a page, an event, a channel. */
public record EntityRef(Kind kind, String id) {
    public enum Kind {
        SITE,
        PAGE,
        EVENT,
        CHANNEL,
        TAG,
        FORM,
        SELECTOR
    }

    public EntityRef {
        requireNonNull(kind, "kind");
        requireNonNull(id, "id");
    }

    public static EntityRef site() {
        return new EntityRef(Kind.SITE, "");
    }

    public static EntityRef page(String pathOrUrl) {
        return new EntityRef(Kind.PAGE, pathOrUrl);
    }

    public static EntityRef event(String name) {
        return new EntityRef(Kind.EVENT, name);
    }
}
