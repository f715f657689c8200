package io.sitelens.crawler.internal.check;

import io.sitelens.model.Severity;
import io.sitelens.spi.crawl.PageCheck;

/** Id, severity and explanation of a built-in check. */
abstract class CheckBase implements PageCheck {
    private final String id;
    private final Severity severity;
    private final String explanation;

    CheckBase(String id, Severity severity, String explanation) {
        this.id = id;
        this.severity = severity;
        this.explanation = explanation;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Severity severity() {
        return severity;
    }

    @Override
    public final String explanation() {
        return explanation;
    }

    @Override
    public String toString() {
        return id;
    }
}
