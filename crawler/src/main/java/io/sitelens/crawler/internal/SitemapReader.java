package io.sitelens.crawler.internal;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Parses one sitemap document (XML, text or RSS; gzip too) with crawler-commons, never throwing. */
final class SitemapReader {
    private SitemapReader() {}

    /** What one sitemap document held: page URLs, child sitemaps (for an index), or the problem. */
    record Parsed(
            List<String> urls,
            List<String> children,
            @Nullable String problem) {}

    static Parsed parse(String url, @Nullable String contentType, byte[] body, int maxUrls) {
        try {
            SiteMapParser parser = new SiteMapParser(false);
            AbstractSiteMap map = parser.parseSiteMap(
                    contentType == null ? "application/octet-stream" : contentType, body, new URL(url));
            List<String> urls = new ArrayList<>();
            List<String> children = new ArrayList<>();
            if (map instanceof SiteMapIndex index) {
                for (AbstractSiteMap child : index.getSitemaps()) {
                    if (children.size() >= maxUrls) {
                        break;
                    }
                    children.add(child.getUrl().toString());
                }
            } else if (map instanceof SiteMap sm) {
                for (SiteMapURL u : sm.getSiteMapUrls()) {
                    if (urls.size() >= maxUrls) {
                        break;
                    }
                    urls.add(u.getUrl().toString());
                }
            }
            return new Parsed(urls, children, null);
        } catch (Exception e) {
            return new Parsed(List.of(), List.of(), "unreadable sitemap: " + e.getMessage());
        }
    }
}
