package io.sitelens.crawler;

import io.sitelens.crawler.TestSite.Answer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A synthetic site where every built-in check has one page that triggers it and one that does not. Served
 * over http by one {@link TestSite} and, for the pages that need TLS, over https by another on the same host.
 */
final class CraftedSite {
    static final String GTM = "<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),"
            + "event:'gtm.js'});var f=d.getElementsByTagName(s)[0],j=d.createElement(s);j.async=true;"
            + "j.src='https://www.googletagmanager.com/gtm.js?id='+i;f.parentNode.insertBefore(j,f);})"
            + "(window,document,'script','dataLayer','GTM-ABC1234');</script>";

    /** One page's parts; every default passes every check. */
    static final class Html {
        String base = "";
        String path = "/";
        String lang = "en";
        boolean viewport = true;
        String title;
        String description;
        List<String> canonicals = new ArrayList<>();
        String head = "";
        String headings = "<h1>Main heading</h1><h2>A section</h2>";
        String text;
        String tag = GTM;
        String extra = "";

        Html(String base, String path) {
            this.base = base;
            this.path = path;
            this.title = "Sitelens crawl test page: " + path;
            this.description = "This page exists to test the sitelens crawler. It is the page at " + path
                    + " and it has a description of its own.";
            this.canonicals.add(base + path);
            this.text = words(250, path);
        }

        String render() {
            StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html");
            if (lang != null) {
                sb.append(" lang=\"").append(lang).append('"');
            }
            sb.append("><head><meta charset=\"utf-8\">");
            if (title != null) {
                sb.append("<title>").append(title).append("</title>");
            }
            if (description != null) {
                sb.append("<meta name=\"description\" content=\"")
                        .append(description)
                        .append("\">");
            }
            if (viewport) {
                sb.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
            }
            for (String c : canonicals) {
                sb.append("<link rel=\"canonical\" href=\"").append(c).append("\">");
            }
            sb.append(head).append(tag).append("</head><body>").append(headings);
            sb.append("<p>").append(text).append("</p>").append(extra);
            sb.append("<p><a href=\"/\">Back to the test site's home page</a></p></body></html>");
            return sb.toString();
        }
    }

    static String words(int n, String seed) {
        StringBuilder sb = new StringBuilder(seed.replaceAll("[^a-z0-9]", " ")).append(' ');
        String[] vocab = {"crawler", "audit", "page", "site", "content", "visitor", "search", "engine", "link", "text"};
        for (int i = 0; i < n; i++) {
            sb.append(vocab[i % vocab.length]).append(' ');
        }
        return sb.toString();
    }

    private final Map<String, String> html = new LinkedHashMap<>();
    private final Map<String, Answer> other = new LinkedHashMap<>();
    final String base;
    final String secureBase;

    CraftedSite(String base, String secureBase) {
        this.base = base;
        this.secureBase = secureBase;
        page("/good", h -> h);
        other.put("/missing", null);
        other.put(
                "/boom",
                Answer.of(
                        500, "text/html", "<html><title>Server error</title></html>".getBytes(StandardCharsets.UTF_8)));
        other.put("/drop", Answer.dropped());
        page("/links-broken", h -> extra(h, "<a href=\"/missing\">The missing page</a>"));
        page("/links-redirect", h -> extra(h, "<a href=\"/old\">The old address</a>"));
        other.put("/old", Answer.redirect(301, "/good"));
        other.put("/chain1", Answer.redirect(301, "/chain2"));
        other.put("/chain2", Answer.redirect(301, "/good"));
        other.put("/loop-a", Answer.redirect(302, "/loop-b"));
        other.put("/loop-b", Answer.redirect(302, "/loop-a"));
        page("/private/page", h -> h);
        page("/noindex", h -> head(h, "<meta name=\"robots\" content=\"noindex\">"));
        page("/nofollow", h -> head(h, "<meta name=\"robots\" content=\"nofollow\">"));
        page("/no-title", h -> {
            h.title = null;
            return h;
        });
        page("/dup-title-a", h -> title(h, "Shared title of two sitelens test pages"));
        page("/dup-title-b", h -> title(h, "Shared title of two sitelens test pages"));
        page("/long-title", h -> title(h, "A title that goes on and on, far beyond what any search result will show"));
        page("/short-title", h -> title(h, "Short"));
        page("/no-desc", h -> {
            h.description = null;
            return h;
        });
        String shared = "One description shared by two pages of the sitelens crawler's synthetic test site.";
        page("/dup-desc-a", h -> desc(h, shared));
        page("/dup-desc-b", h -> desc(h, shared));
        page("/short-desc", h -> desc(h, "Too short."));
        page("/no-h1", h -> headings(h, "<h2>Only a subheading</h2>"));
        page("/two-h1", h -> headings(h, "<h1>One</h1><h1>Two</h1>"));
        page("/bad-headings", h -> headings(h, "<h1>Title</h1><h3>Skipped a level</h3>"));
        page("/no-canonical", h -> canonicals(h));
        page("/two-canonicals", h -> canonicals(h, base + "/two-canonicals", base + "/good"));
        page("/relative-canonical", h -> canonicals(h, "/relative-canonical"));
        page("/invalid-canonical", h -> canonicals(h, "ftp://example.com/file"));
        page("/canon-to-noindex", h -> canonicals(h, base + "/noindex"));
        page("/bad-hreflang", h -> head(h, "<link rel=\"alternate\" hreflang=\"english\" href=\"" + base + "/good\">"));
        page(
                "/good-hreflang",
                h -> head(
                        h,
                        "<link rel=\"alternate\" hreflang=\"en-GB\" href=\"" + base
                                + "/good-hreflang\"><link rel=\"alternate\" hreflang=\"x-default\" href=\"" + base
                                + "/good\">"));
        page("/img-no-alt", h -> extra(h, "<img src=\"/small.png\" width=\"10\" height=\"10\">"));
        page("/img-no-size", h -> extra(h, "<img src=\"/small.png\" alt=\"A small picture\">"));
        page("/big-image", h -> extra(h, "<img src=\"/big.png\" alt=\"A big picture\" width=\"10\" height=\"10\">"));
        other.put("/small.png", Answer.of(200, "image/png", new byte[1000]));
        byte[] big = new byte[150 * 1024];
        Arrays.fill(big, (byte) 7);
        other.put("/big.png", Answer.of(200, "image/png", big));
        String copy = new Html(base, "/copy-a").render();
        html.put("/copy-a", copy);
        html.put("/copy-b", copy);
        page("/thin", h -> text(h, "Just a few words here."));
        page("/generic-link", h -> extra(h, "<a href=\"/good\">click here</a>"));
        page("/js-link", h -> extra(h, "<a href=\"javascript:void(0)\">Open the menu</a>"));
        for (int i = 1; i <= 6; i++) {
            int next = i + 1;
            page("/deep" + i, h -> extra(h, "<a href=\"/deep" + next + "\">Deeper page number " + next + "</a>"));
        }
        page("/orphan", h -> h);
        page("/form-insecure", h -> extra(h, "<form action=\"/search\" method=\"get\"><input name=\"q\"></form>"));
        page(
                "/blank-target",
                h -> extra(h, "<a href=\"https://external.invalid/\" target=\"_blank\">Another site</a>"));
        page("/Bad_URL", h -> h);
        page("/no-lang", h -> {
            h.lang = null;
            return h;
        });
        page("/no-viewport", h -> {
            h.viewport = false;
            return h;
        });
        page("/slow", h -> h);
        page("/large", h -> text(h, words(20_000, "/large")));
        page("/no-tag", h -> tag(h, ""));
        page(
                "/tags-ga4",
                h -> tag(
                        h,
                        "<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-TEST12345\"></script>"
                                + "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}"
                                + "gtag('js',new Date());gtag('config','G-TEST12345');</script>"));
        page(
                "/tags-matomo",
                h -> tag(
                        h,
                        "<script>var _paq=window._paq=window._paq||[];_paq.push(['trackPageView']);"
                                + "(function(){var u=\"https://stats.example.org/\";_paq.push(['setTrackerUrl',u+'matomo.php']);"
                                + "_paq.push(['setSiteId','7']);})();</script>"));
        page("/tags-noscript", h -> {
            h.tag = "";
            return extra(
                    h,
                    "<noscript><iframe src=\"https://www.googletagmanager.com/ns.html?id=GTM-NOSCR1\" "
                            + "height=\"0\" width=\"0\"></iframe></noscript>");
        });
        page("/tags-first-party", h -> tag(h, "<script async src=\"/metrics/gtm.js?id=GTM-FIRST1\"></script>"));
        other.put(
                "/metrics/gtm.js?id=GTM-FIRST1",
                Answer.of(200, "application/javascript", "/* gtm */".getBytes(StandardCharsets.UTF_8)));
    }

    private void page(String path, UnaryOperator<Html> change) {
        html.put(path, change.apply(new Html(base, path)).render());
    }

    private static Html extra(Html h, String s) {
        h.extra = s;
        return h;
    }

    private static Html head(Html h, String s) {
        h.head = s;
        return h;
    }

    private static Html title(Html h, String s) {
        h.title = s;
        return h;
    }

    private static Html desc(Html h, String s) {
        h.description = s;
        return h;
    }

    private static Html headings(Html h, String s) {
        h.headings = s;
        return h;
    }

    private static Html text(Html h, String s) {
        h.text = s;
        return h;
    }

    private static Html tag(Html h, String s) {
        h.tag = s;
        return h;
    }

    private static Html canonicals(Html h, String... c) {
        h.canonicals = List.of(c);
        return h;
    }

    /** The http site's routes. */
    Answer answer(String path) {
        switch (path) {
            case "/" -> {
                StringBuilder links = new StringBuilder("<ul>");
                for (String p : html.keySet()) {
                    if (!p.equals("/orphan") && !p.startsWith("/deep") || p.equals("/deep1")) {
                        links.append("<li><a href=\"")
                                .append(p)
                                .append("\">Test page ")
                                .append(p)
                                .append("</a></li>");
                    }
                }
                for (String p : List.of("/missing", "/boom", "/drop", "/old", "/chain1", "/loop-a")) {
                    links.append("<li><a href=\"")
                            .append(p)
                            .append("\">Test URL ")
                            .append(p)
                            .append("</a></li>");
                }
                links.append("<li><a href=\"").append(secureBase).append("/secure\">Secure page</a></li>");
                links.append("<li><a href=\"").append(secureBase).append("/mixed\">Mixed page</a></li></ul>");
                Html h = new Html(base, "/");
                h.extra = links.toString();
                return Answer.html(h.render());
            }
            case "/robots.txt" -> {
                return Answer.of(
                        200,
                        "text/plain",
                        ("User-agent: *\nDisallow: /private/\n\nSitemap: " + base + "/sitemap.xml\n")
                                .getBytes(StandardCharsets.UTF_8));
            }
            case "/sitemap.xml" -> {
                String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                        + "<url><loc>" + base + "/good</loc></url>"
                        + "<url><loc>" + base + "/orphan</loc></url>"
                        + "<url><loc>" + base + "/old</loc></url></urlset>";
                return Answer.of(200, "application/xml", xml.getBytes(StandardCharsets.UTF_8));
            }
            default -> {}
        }
        String page = html.get(path);
        if (page != null) {
            Answer a = Answer.html(page);
            return path.equals("/slow") ? a.delayed(1100) : a;
        }
        return other.get(path);
    }

    /** The https site's routes. */
    Answer secureAnswer(String path) {
        Map<String, String> headers = Map.of(
                "Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'",
                "X-Content-Type-Options", "nosniff",
                "Referrer-Policy", "strict-origin-when-cross-origin",
                "Strict-Transport-Security", "max-age=31536000");
        return switch (path) {
            case "/secure" ->
                Answer.html(new Html(secureBase, "/secure").render()).withHeaders(headers);
            case "/mixed" -> {
                Html h = new Html(secureBase, "/mixed");
                h.extra = "<img src=\"" + base + "/small.png\" alt=\"Loaded over http\" width=\"1\" height=\"1\">";
                yield Answer.html(h.render()).withHeaders(headers);
            }
            default -> null;
        };
    }
}
