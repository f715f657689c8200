package io.sitelens.crawler.internal.check;

import io.sitelens.crawler.internal.FetchedPage;
import io.sitelens.crawler.internal.HtmlPage;
import io.sitelens.model.Severity;
import io.sitelens.spi.crawl.FindingSink;

/** {@code form-insecure}: A form submits over plain http (or a password field is on an http page), exposing what visitors type. */
public final class FormInsecureCheck extends HtmlCheck {
    public FormInsecureCheck() {
        super(
                "form-insecure",
                Severity.ERROR,
                "A form submits over plain http (or a password field is on an http page), exposing what visitors type.");
    }

    @Override
    void check(FetchedPage page, HtmlPage html, FindingSink findings) {
        for (HtmlPage.Form f : html.forms()) {
            if ((f.action() != null && !f.action().isHttps())
                    || (f.hasPassword() && page.url().startsWith("http://"))) {
                findings.report(
                        this, page.url(), "form submits to " + (f.action() == null ? "?" : f.action()) + " over http");
                return;
            }
        }
    }
}
