package io.sitelens.crawler.internal.check;

import io.sitelens.spi.crawl.PageCheck;
import java.util.List;

/** Every built-in check, in the order the documentation lists them. */
public final class BuiltInChecks {
    private BuiltInChecks() {}

    public static List<PageCheck> all() {
        return List.of(
                new Status4xxCheck(),
                new Status5xxCheck(),
                new NoResponseCheck(),
                new SlowResponseCheck(),
                new LargePageCheck(),
                new LinkBrokenCheck(),
                new LinkToRedirectCheck(),
                new RedirectChainCheck(),
                new RedirectLoopCheck(),
                new BlockedByRobotsCheck(),
                new NoindexCheck(),
                new NofollowCheck(),
                new TitleMissingCheck(),
                new TitleDuplicateCheck(),
                new TitleTooLongCheck(),
                new TitleTooShortCheck(),
                new MetaDescriptionMissingCheck(),
                new MetaDescriptionDuplicateCheck(),
                new MetaDescriptionLengthCheck(),
                new H1MissingCheck(),
                new H1MultipleCheck(),
                new HeadingOrderCheck(),
                new CanonicalMissingCheck(),
                new CanonicalMultipleCheck(),
                new CanonicalRelativeCheck(),
                new CanonicalInvalidCheck(),
                new CanonicalNonIndexableCheck(),
                new HreflangErrorCheck(),
                new ImgAltMissingCheck(),
                new ImgOver100KbCheck(),
                new ImgSizeMissingCheck(),
                new DuplicatePageCheck(),
                new ThinContentCheck(),
                new LinkTextGenericCheck(),
                new AnchorUncrawlableCheck(),
                new DeepPageCheck(),
                new OrphanPageCheck(),
                new SitemapHygieneCheck(),
                new HttpUrlCheck(),
                new MixedContentCheck(),
                new FormInsecureCheck(),
                new SecurityHeaderMissingCheck(),
                new UnsafeBlankTargetCheck(),
                new UrlHygieneCheck(),
                new HtmlLangMissingCheck(),
                new ViewportMissingCheck(),
                new AnalyticsTagMissingCheck());
    }
}
