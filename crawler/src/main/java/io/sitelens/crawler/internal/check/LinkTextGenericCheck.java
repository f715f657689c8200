package io.sitelens.crawler.internal.check;

import io.sitelens.crawler.internal.FetchedPage;
import io.sitelens.crawler.internal.HtmlPage;
import io.sitelens.model.Severity;
import io.sitelens.spi.crawl.FindingSink;
import java.util.Locale;
import java.util.Set;

/** {@code link-text-generic}: A link says only "click here", "read more" or similar, which tells neither visitors nor search engines where it goes. */
public final class LinkTextGenericCheck extends HtmlCheck {
    private static final Set<String> GENERIC = Set.of(
            "click here",
            "here",
            "read more",
            "more",
            "learn more",
            "click",
            "this",
            "link",
            "this page",
            "continue",
            "go",
            "details",
            "more info",
            "info",
            "mehr",
            "hier",
            "weiterlesen",
            "en savoir plus",
            "ici");

    public LinkTextGenericCheck() {
        super(
                "link-text-generic",
                Severity.NOTICE,
                "A link says only \"click here\", \"read more\" or similar, which tells neither visitors nor search engines where it goes.");
    }

    @Override
    void check(FetchedPage page, HtmlPage html, FindingSink findings) {
        long generic = 0;
        for (HtmlPage.Anchor a : html.anchors()) {
            if (isGeneric(a.text())) {
                generic++;
            }
        }
        if (generic > 0) {
            findings.report(this, page.url(), generic + " link(s) with generic text");
        }
    }

    /** The text, lower-cased and without trailing spaces, dots, "!", ":", ">", "»" or "→", is a generic phrase. */
    static boolean isGeneric(String text) {
        if (text.length() > LONGEST + 16) { // most link texts: longer than any phrase with its trailing marks
            return false;
        }
        int end = text.length();
        while (end > 0) {
            char c = text.charAt(end - 1);
            if (TRAILING.indexOf(c) < 0 && !Character.isWhitespace(c)) {
                break;
            }
            end--;
        }
        return GENERIC.contains(text.substring(0, end).toLowerCase(Locale.ROOT).strip());
    }

    private static final String TRAILING = ".!:>\u00bb\u2192\u00a0";
    private static final int LONGEST =
            GENERIC.stream().mapToInt(String::length).max().orElse(0);
}
