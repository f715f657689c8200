package io.sitelens.crawler.internal;

import io.sitelens.model.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import okhttp3.HttpUrl;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * The facts of one parsed HTML page that checks and the crawl need, extracted in one pass over the jsoup
 * document so no check re-walks it. Built-in checks read it through {@code PageContext.unwrap(HtmlPage.class)}.
 */
public final class HtmlPage {
    /** A hyperlink as written in the page. */
    public record Anchor(
            String href,
            @Nullable HttpUrl url,
            String text,
            boolean nofollow,
            String target,
            String rel,
            boolean onclick) {}

    /** An image element. */
    public record Image(String src, @Nullable HttpUrl url, boolean hasAlt, boolean hasSize) {}

    /** A resource the page loads. */
    public record Ref(HttpUrl url, ResourceType type) {}

    /** A form. */
    public record Form(@Nullable HttpUrl action, String method, boolean hasPassword) {}

    /** An hreflang alternate. */
    public record Hreflang(
            String lang, String href, @Nullable HttpUrl url) {}

    private final Document document;
    private final @Nullable String title;
    private final int titleCount;
    private final @Nullable String description;
    private final int descriptionCount;
    private final List<Integer> headings = new ArrayList<>();
    private int h1Count;
    private final List<String> canonicals = new ArrayList<>();
    private boolean metaNoindex;
    private boolean metaNofollow;
    private final boolean hasLang;
    private final boolean hasViewport;
    private final List<Hreflang> hreflangs = new ArrayList<>();
    private final List<Anchor> anchors = new ArrayList<>();
    private final List<Image> images = new ArrayList<>();
    private final List<Ref> resources = new ArrayList<>();
    private final List<Form> forms = new ArrayList<>();
    private final int wordCount;
    final TagDetector.Tags tags = new TagDetector.Tags();

    HtmlPage(Document doc, HttpUrl base, UrlNormalizer normalizer) {
        this.document = doc;
        String firstTitle = null;
        int titles = 0;
        String firstDescription = null;
        int descriptions = 0;
        boolean lang = false;
        boolean viewport = false;
        List<Element> scripts = new ArrayList<>();
        List<Element> noscriptEmbeds = new ArrayList<>();
        Element root = doc.selectFirst("html");
        if (root != null) {
            lang = !root.attr("lang").isBlank();
        }
        for (Element e : doc.getAllElements()) {
            String tag = e.normalName();
            switch (tag) {
                case "title" -> {
                    if (titles++ == 0) {
                        firstTitle = e.text().strip();
                    }
                }
                case "meta" -> {
                    String name = e.attr("name").toLowerCase(Locale.ROOT);
                    switch (name) {
                        case "description" -> {
                            if (descriptions++ == 0) {
                                firstDescription = e.attr("content").strip();
                            }
                        }
                        case "viewport" -> viewport = true;
                        case "robots", "googlebot" -> {
                            String c = e.attr("content").toLowerCase(Locale.ROOT);
                            metaNoindex |= c.contains("noindex") || c.contains("none");
                            metaNofollow |= c.contains("nofollow") || c.contains("none");
                        }
                        default -> {}
                    }
                }
                case "link" -> link(e, base, normalizer);
                case "script" -> {
                    scripts.add(e);
                    addRef(base, normalizer, e.attr("src"), ResourceType.SCRIPT);
                }
                case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                    int level = tag.charAt(1) - '0';
                    headings.add(level);
                    if (level == 1) {
                        h1Count++;
                    }
                }
                case "a" -> {
                    if (e.hasAttr("href")) {
                        String href = e.attr("href");
                        String rel = e.attr("rel").toLowerCase(Locale.ROOT);
                        anchors.add(new Anchor(
                                href,
                                normalizer.resolve(base, href),
                                e.text().strip(),
                                rel.contains("nofollow"),
                                e.attr("target"),
                                rel,
                                e.hasAttr("onclick")));
                    } else if (e.hasAttr("onclick")) {
                        anchors.add(new Anchor("", null, e.text().strip(), false, e.attr("target"), "", true));
                    }
                }
                case "img" -> {
                    String src = e.attr("src");
                    HttpUrl u = src.isEmpty() ? null : normalizer.resolve(base, src);
                    images.add(new Image(src, u, e.hasAttr("alt"), e.hasAttr("width") && e.hasAttr("height")));
                    if (u != null) {
                        resources.add(new Ref(u, ResourceType.IMAGE));
                    }
                    if (inNoscript(e)) {
                        noscriptEmbeds.add(e);
                    }
                }
                case "video", "audio", "source", "track" -> addRef(base, normalizer, e.attr("src"), ResourceType.MEDIA);
                case "iframe", "frame" -> {
                    addRef(base, normalizer, e.attr("src"), ResourceType.IFRAME);
                    if (inNoscript(e)) {
                        noscriptEmbeds.add(e);
                    }
                }
                case "embed", "object" ->
                    addRef(
                            base,
                            normalizer,
                            e.hasAttr("data") ? e.attr("data") : e.attr("src"),
                            e.attr("type").startsWith("image/") ? ResourceType.IMAGE : ResourceType.OTHER);
                case "form" -> {
                    String action = e.attr("action");
                    HttpUrl a = action.isEmpty() ? base : normalizer.resolve(base, action);
                    forms.add(new Form(
                            a,
                            e.attr("method").isEmpty()
                                    ? "get"
                                    : e.attr("method").toLowerCase(Locale.ROOT),
                            !e.select("input[type=password]").isEmpty()));
                }
                default -> {}
            }
        }
        this.title = firstTitle;
        this.titleCount = titles;
        this.description = firstDescription;
        this.descriptionCount = descriptions;
        this.hasLang = lang;
        this.hasViewport = viewport;
        this.wordCount = WordCounter.count(doc.body());
        TagDetector.detect(scripts, noscriptEmbeds, base, tags);
    }

    private static boolean inNoscript(Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p.normalName().equals("noscript")) {
                return true;
            }
        }
        return false;
    }

    private void link(Element link, HttpUrl base, UrlNormalizer normalizer) {
        String rel = " " + link.attr("rel").toLowerCase(Locale.ROOT).strip() + " ";
        String href = link.attr("href");
        if (rel.contains(" canonical ")) {
            canonicals.add(href);
        } else if (rel.contains(" alternate ") && link.hasAttr("hreflang")) {
            hreflangs.add(new Hreflang(link.attr("hreflang").strip(), href, normalizer.resolve(base, href)));
        } else if (rel.contains(" stylesheet ")) {
            addRef(base, normalizer, href, ResourceType.CSS);
        } else if (rel.contains(" icon ") || rel.contains(" apple-touch-icon ")) {
            addRef(base, normalizer, href, ResourceType.IMAGE);
        } else if (rel.contains(" preload ") && "font".equalsIgnoreCase(link.attr("as"))) {
            addRef(base, normalizer, href, ResourceType.FONT);
        }
    }

    private void addRef(HttpUrl base, UrlNormalizer normalizer, String href, ResourceType type) {
        if (href.isEmpty()) {
            return;
        }
        HttpUrl u = normalizer.resolve(base, href);
        if (u != null) {
            resources.add(new Ref(u, type));
        }
    }

    public Document document() {
        return document;
    }

    /** The first title's text, whitespace collapsed and trimmed; null when there is no title element. */
    public @Nullable String title() {
        return title;
    }

    public int titleCount() {
        return titleCount;
    }

    /** The first meta description's content, trimmed; null when there is none. */
    public @Nullable String description() {
        return description;
    }

    public int descriptionCount() {
        return descriptionCount;
    }

    /** Heading levels (1–6) in document order. */
    public List<Integer> headings() {
        return headings;
    }

    public int h1Count() {
        return h1Count;
    }

    /** The raw href values of every {@code <link rel=canonical>}. */
    public List<String> canonicals() {
        return canonicals;
    }

    public boolean metaNoindex() {
        return metaNoindex;
    }

    public boolean metaNofollow() {
        return metaNofollow;
    }

    public boolean hasLang() {
        return hasLang;
    }

    public boolean hasViewport() {
        return hasViewport;
    }

    public List<Hreflang> hreflangs() {
        return hreflangs;
    }

    public List<Anchor> anchors() {
        return anchors;
    }

    public List<Image> images() {
        return images;
    }

    public List<Ref> resources() {
        return resources;
    }

    public List<Form> forms() {
        return forms;
    }

    /** Words of visible body text (runs of letters or digits). */
    public int wordCount() {
        return wordCount;
    }

    /** Whether any analytics tag (GTM, GA4, Matomo) is on the page. */
    public boolean hasAnalyticsTag() {
        return !tags.isEmpty();
    }
}
