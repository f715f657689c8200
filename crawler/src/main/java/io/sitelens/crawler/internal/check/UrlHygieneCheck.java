package io.sitelens.crawler.internal.check;

import io.sitelens.model.Severity;
import io.sitelens.spi.crawl.FindingSink;
import io.sitelens.spi.crawl.PageContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import okhttp3.HttpUrl;

/** {@code url-hygiene}: The URL is hard to read or share: over 115 characters, upper-case letters, underscores, spaces, double slashes, non-ASCII characters or more than 3 query parameters. */
public final class UrlHygieneCheck extends CheckBase {
    /** A percent-encoded byte of 0x80 or more: part of a non-ASCII character. */
    private static final java.util.regex.Pattern NON_ASCII = java.util.regex.Pattern.compile("%[89A-Fa-f][0-9A-Fa-f]");

    public UrlHygieneCheck() {
        super(
                "url-hygiene",
                Severity.NOTICE,
                "The URL is hard to read or share: over 115 characters, upper-case letters, underscores, spaces, double slashes, non-ASCII characters or more than 3 query parameters.");
    }

    @Override
    public void checkPage(PageContext page, FindingSink findings) {
        if (page.statusCode() >= 200 && page.statusCode() < 300 && page.isHtml()) {
            HttpUrl u = HttpUrl.parse(page.url());
            if (u == null) {
                return;
            }
            List<String> problems = new ArrayList<>();
            String path = u.encodedPath();
            if (page.url().length() > 115) {
                problems.add("over 115 characters");
            }
            if (!path.equals(path.toLowerCase(Locale.ROOT))) {
                problems.add("upper-case letters");
            }
            if (path.contains("_")) {
                problems.add("underscores");
            }
            if (path.contains("%20") || path.contains("+")) {
                problems.add("spaces");
            }
            if (path.contains("//")) {
                problems.add("double slash");
            }
            if (NON_ASCII.matcher(path).find()) {
                problems.add("non-ASCII characters");
            }
            if (u.querySize() > 3) {
                problems.add(u.querySize() + " query parameters");
            }
            if (!problems.isEmpty()) {
                findings.report(this, page.url(), String.join(", ", problems));
            }
        }
    }
}
