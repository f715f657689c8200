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
        long generic = html.anchors().stream()
                .filter(a -> GENERIC.contains(a.text()
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("[\\s.!:>»→]+$", "")
                        .strip()))
                .count();
        if (generic > 0) {
            findings.report(this, page.url(), generic + " link(s) with generic text");
        }
    }
}
