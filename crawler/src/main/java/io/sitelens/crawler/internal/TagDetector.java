package io.sitelens.crawler.internal;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.jsoup.nodes.Element;

/**
 * Finds analytics tags in a page: Google Tag Manager containers (script snippet, {@code noscript} iframe,
 * first-party {@code gtm.js} served from the site's own domain), GA4 measurement ids (gtag.js and
 * {@code gtag('config', …)}), and Matomo (site id and tracker URL, from the JS snippet or the image tracker).
 */
final class TagDetector {
    private static final Pattern GTM_ID = Pattern.compile("\\bGTM-[A-Z0-9]{4,10}\\b");
    private static final Pattern GA4_ID = Pattern.compile("\\bG-[A-Z0-9]{6,12}\\b");
    private static final Pattern GTAG_CONFIG =
            Pattern.compile("gtag\\(\\s*['\"]config['\"]\\s*,\\s*['\"](G-[A-Z0-9]{6,12})['\"]");
    private static final Pattern MATOMO_SITE =
            Pattern.compile("(?:_paq|_mtm)\\.push\\(\\s*\\[\\s*['\"]setSiteId['\"]\\s*,\\s*['\"]?(\\d+)['\"]?");
    private static final Pattern MATOMO_TRACKER =
            Pattern.compile("(?:_paq)\\.push\\(\\s*\\[\\s*['\"]setTrackerUrl['\"]\\s*,\\s*([^\\]]+)\\]");
    private static final Pattern MATOMO_U = Pattern.compile("var\\s+u\\s*=\\s*['\"]([^'\"]+)['\"]");
    private static final Pattern MATOMO_TAGMANAGER = Pattern.compile("/js/container_([A-Za-z0-9]+)\\.js");

    private TagDetector() {}

    static void detect(List<Element> scripts, List<Element> noscriptEmbeds, HttpUrl pageUrl, Tags tags) {
        for (Element script : scripts) {
            String src = script.attr("abs:src");
            if (!src.isEmpty()) {
                HttpUrl u = HttpUrl.parse(src);
                if (u != null) {
                    String path = u.encodedPath();
                    String id = u.queryParameter("id");
                    if (path.endsWith("/gtm.js")
                            && id != null
                            && GTM_ID.matcher(id).matches()) {
                        tags.gtm.add(id);
                    } else if (path.endsWith("/gtag/js") && id != null) {
                        if (GA4_ID.matcher(id).matches()) {
                            tags.ga4.add(id);
                        } else if (GTM_ID.matcher(id).matches()) {
                            tags.gtm.add(id);
                        }
                    } else if (path.endsWith("/matomo.js") || path.endsWith("/piwik.js")) {
                        tags.matomoTrackers.add(u.newBuilder()
                                .encodedPath(path.substring(0, path.lastIndexOf('/') + 1))
                                .query(null)
                                .build()
                                .toString());
                    }
                    Matcher mt = MATOMO_TAGMANAGER.matcher(path);
                    if (mt.find()) {
                        tags.matomoContainers.add(mt.group(1));
                    }
                }
                continue;
            }
            String js = script.data();
            if (js.isEmpty()) {
                continue;
            }
            if (js.contains("gtm.js") || js.contains("gtm.start")) {
                Matcher m = GTM_ID.matcher(js);
                while (m.find()) {
                    tags.gtm.add(m.group());
                }
            }
            Matcher g = GTAG_CONFIG.matcher(js);
            while (g.find()) {
                tags.ga4.add(g.group(1));
            }
            if (js.contains("_paq") || js.contains("_mtm")) {
                Matcher s = MATOMO_SITE.matcher(js);
                while (s.find()) {
                    tags.matomoSites.add(s.group(1));
                }
                Matcher t = MATOMO_TRACKER.matcher(js);
                Matcher u = MATOMO_U.matcher(js);
                String base = u.find() ? u.group(1) : "";
                while (t.find()) {
                    String expr = t.group(1).trim();
                    String tracker = expr.startsWith("u+") || expr.startsWith("u +")
                            ? base + expr.replaceAll("^u\\s*\\+\\s*['\"]([^'\"]*)['\"].*$", "$1")
                            : expr.replaceAll("^['\"]([^'\"]*)['\"].*$", "$1");
                    HttpUrl resolved = pageUrl.resolve(tracker);
                    if (resolved != null) {
                        tags.matomoTrackers.add(resolved.toString());
                    }
                }
                Matcher mt = MATOMO_TAGMANAGER.matcher(js);
                while (mt.find()) {
                    tags.matomoContainers.add(mt.group(1));
                }
            }
        }
        for (Element embed : noscriptEmbeds) {
            HttpUrl u = HttpUrl.parse(embed.attr("abs:src"));
            if (u == null) {
                continue;
            }
            if (embed.normalName().equals("iframe") && u.encodedPath().endsWith("/ns.html")) {
                String id = u.queryParameter("id");
                if (id != null && GTM_ID.matcher(id).matches()) {
                    tags.gtm.add(id);
                }
            }
            if (embed.normalName().equals("img")
                    && (u.encodedPath().endsWith("/matomo.php")
                            || u.encodedPath().endsWith("/piwik.php"))) {
                String idsite = u.queryParameter("idsite");
                if (idsite != null && idsite.matches("\\d+")) {
                    tags.matomoSites.add(idsite);
                }
                tags.matomoTrackers.add(u.newBuilder().query(null).build().toString());
            }
        }
    }

    /** The tags found on one page. */
    static final class Tags {
        final Set<String> gtm = new TreeSet<>();
        final Set<String> ga4 = new TreeSet<>();
        final Set<String> matomoSites = new TreeSet<>();
        final Set<String> matomoTrackers = new TreeSet<>();
        final Set<String> matomoContainers = new TreeSet<>();

        boolean isEmpty() {
            return gtm.isEmpty() && ga4.isEmpty() && matomoSites.isEmpty() && matomoContainers.isEmpty();
        }
    }
}
