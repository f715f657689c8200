package io.sitelens.crawler.internal.check;

import io.sitelens.crawler.internal.FetchedPage;
import io.sitelens.crawler.internal.HtmlPage;
import io.sitelens.model.Severity;
import io.sitelens.spi.crawl.FindingSink;
import java.util.ArrayList;
import java.util.List;

/** {@code security-header-missing}: The page lacks a security header: Content-Security-Policy, X-Content-Type-Options, a frame policy (X-Frame-Options or CSP frame-ancestors), Referrer-Policy, or Strict-Transport-Security on https. */
public final class SecurityHeaderMissingCheck extends HtmlCheck {
    public SecurityHeaderMissingCheck() {
        super(
                "security-header-missing",
                Severity.NOTICE,
                "The page lacks a security header: Content-Security-Policy, X-Content-Type-Options, a frame policy (X-Frame-Options or CSP frame-ancestors), Referrer-Policy, or Strict-Transport-Security on https.");
    }

    @Override
    void check(FetchedPage page, HtmlPage html, FindingSink findings) {
        List<String> missing = new ArrayList<>();
        String csp = page.header("content-security-policy").orElse("");
        if (csp.isEmpty()) {
            missing.add("Content-Security-Policy");
        }
        if (page.header("x-content-type-options").isEmpty()) {
            missing.add("X-Content-Type-Options");
        }
        if (page.header("x-frame-options").isEmpty() && !csp.contains("frame-ancestors")) {
            missing.add("X-Frame-Options");
        }
        if (page.header("referrer-policy").isEmpty()) {
            missing.add("Referrer-Policy");
        }
        if (page.url().startsWith("https://")
                && page.header("strict-transport-security").isEmpty()) {
            missing.add("Strict-Transport-Security");
        }
        if (!missing.isEmpty()) {
            findings.report(this, page.url(), "missing " + String.join(", ", missing));
        }
    }
}
