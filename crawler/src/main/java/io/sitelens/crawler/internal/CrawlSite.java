package io.sitelens.crawler.internal;

import io.sitelens.model.Link;
import io.sitelens.model.Page;
import io.sitelens.model.Resource;
import io.sitelens.spi.crawl.SiteContext;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a crawl found, for site-scope checks, plus the per-page facts the built-in site checks join on
 * (descriptions, canonicals, robots-blocked URLs, sitemap problems).
 *
 * @param descriptions meta description by page URL (2xx HTML pages that have one)
 * @param canonicals resolved canonical URL by page URL (pages with exactly one valid canonical)
 * @param blockedByRobots in-scope URLs found but disallowed by robots.txt
 * @param sitemapProblems problems reading sitemaps, by sitemap URL
 * @param redirects redirect target by URL, for every fetched URL that answered 3xx
 */
public record CrawlSite(
        List<String> startUrls,
        List<Page> pages,
        List<Link> links,
        List<Resource> resources,
        Set<String> sitemapUrls,
        Set<String> analyticsUrls,
        Map<String, String> descriptions,
        Map<String, String> canonicals,
        Set<String> blockedByRobots,
        Map<String, String> sitemapProblems,
        Map<String, String> redirects)
        implements SiteContext {}
