package io.sitelens.insights.internal;

import io.sitelens.model.DateRange;
import io.sitelens.model.EntityRef;
import io.sitelens.model.Finding;
import io.sitelens.model.Insight;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricPoint;
import io.sitelens.model.Page;
import io.sitelens.spi.SitelensSpi;
import io.sitelens.spi.insight.InsightContext;
import io.sitelens.spi.insight.InsightProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Crawl × traffic: pages of the latest crawl that still get traffic (last 28 days) but answer 4xx or 5xx (or
 * nothing), redirect, are noindex, lack the analytics tag, are orphans, or are slow or heavy with a bounce
 * rate well above the site's. Pages are matched to analytics by path (query dropped, trailing slash
 * tolerated). Each problem gives one insight per page plus, when two or more pages share it, a site-level
 * summary ("12 pages with 30% of your traffic return 4xx"). Finding ids are the crawler's
 * ({@code status-4xx}, {@code status-5xx}, {@code no-response}, {@code noindex}, {@code analytics-tag-missing},
 * {@code orphan-page}, {@code slow-response}, {@code large-page}); the page's own status, indexability, time
 * and size are used as well, so a crawl without those checks still counts.
 */
public final class CrawlTrafficInsightProvider implements InsightProvider {

    /** Settings of the crawl × traffic provider. */
    public record Settings(
            double minTraffic, long slowMillis, long heavyBytes, double bounceMargin, double minBounceSessions) {
        public static final Settings DEFAULTS = new Settings(1, 1000, 100 * 1024, 0.10, 50);
    }

    /** One kind of problem: its insight type, wording, base score and suggested action. */
    enum Problem {
        STATUS_4XX(
                "crawl.traffic-4xx",
                0.75,
                "answers %s",
                "Restore the page or redirect it (301) to its"
                        + " closest live equivalent, and fix the links and campaigns that still send visitors to it."),
        STATUS_5XX(
                "crawl.traffic-5xx",
                0.8,
                "answers %s (server error)",
                "Fix the server error: check the"
                        + " application logs for this URL; visitors currently see an error page."),
        NO_RESPONSE(
                "crawl.traffic-no-response",
                0.7,
                "gave no response to the crawler",
                "Check that the page" + " is reachable (DNS, timeouts, firewall rules for crawlers)."),
        REDIRECT(
                "crawl.traffic-redirect",
                0.3,
                "redirects (%s)",
                "Update internal links, sitemaps and campaign"
                        + " URLs to point at the final URL, so visitors skip the redirect."),
        NOINDEX(
                "crawl.traffic-noindex",
                0.45,
                "is marked noindex",
                "Check whether noindex is intended: a page"
                        + " that earns this much traffic usually should be indexable."),
        TAG_MISSING(
                "crawl.traffic-tag-missing",
                0.6,
                "lacks the analytics tag",
                "Add the analytics tag (or the"
                        + " GTM container) to this page's template; its traffic will stop being measured otherwise."),
        ORPHAN(
                "crawl.orphan-with-traffic",
                0.35,
                "is not linked from any crawled page",
                "Link to the page from"
                        + " related pages or navigation, or retire it deliberately (redirect) if it is obsolete."),
        SLOW_HIGH_BOUNCE(
                "crawl.slow-high-bounce",
                0.5,
                "is %s and has a high bounce rate",
                "Make the page"
                        + " lighter and faster (images, scripts, caching, server time); slow pages lose visitors.");

        final String type;
        final double base;
        final String phrase;
        final String action;

        Problem(String type, double base, String phrase, String action) {
            this.type = type;
            this.base = base;
            this.phrase = phrase;
            this.action = action;
        }
    }

    private final Settings settings;

    public CrawlTrafficInsightProvider(Settings settings) {
        this.settings = settings;
    }

    @Override
    public String id() {
        return "crawl-traffic";
    }

    @Override
    public String spiVersion() {
        return SitelensSpi.VERSION;
    }

    private record Hit(Problem problem, String path, String url, double traffic, String detail, List<String[]> extra) {}

    @Override
    public List<Insight> insights(InsightContext context) {
        Optional<Traffic> t = Traffic.of(context);
        if (t.isEmpty() || (context.pages().isEmpty() && context.findings().isEmpty())) {
            return List.of();
        }
        Traffic traffic = t.get();
        DateRange window = traffic.recent();
        Map<String, Double> byPath = new HashMap<>();
        for (var e : traffic.totals(window).entrySet()) {
            byPath.merge(Traffic.path(e.getKey()), e.getValue(), Double::sum);
        }
        double siteTotal = traffic.siteTotal(window, Map.of());
        if (siteTotal <= 0) {
            siteTotal =
                    byPath.values().stream().mapToDouble(Double::doubleValue).sum();
        }
        Map<String, Set<String>> checks = new HashMap<>();
        for (Finding f : context.findings()) {
            checks.computeIfAbsent(f.url(), k -> new HashSet<>()).add(f.checkId());
        }
        Map<String, Page> pages = new LinkedHashMap<>();
        for (Page p : context.pages()) {
            pages.put(p.url(), p);
        }
        Set<String> urls = new java.util.TreeSet<>(pages.keySet());
        urls.addAll(checks.keySet());
        BounceBaseline bounce = new BounceBaseline(context, traffic, window);
        List<Hit> hits = new ArrayList<>();
        Set<String> seenPaths = new HashSet<>();
        for (String url : urls) {
            String path = Traffic.pathOf(url);
            double views = 0;
            String matched = path;
            for (String v : Traffic.pathVariants(path)) {
                Double d = byPath.get(v);
                if (d != null && d > views) {
                    views = d;
                    matched = v;
                }
            }
            if (views < settings.minTraffic() || !seenPaths.add(matched + "|" + url)) {
                continue;
            }
            Page page = pages.get(url);
            Set<String> ids = checks.getOrDefault(url, Set.of());
            int status = page == null ? -1 : page.statusCode();
            if ((status >= 400 && status < 500) || ids.contains("status-4xx")) {
                hits.add(new Hit(
                        Problem.STATUS_4XX, matched, url, views, "HTTP " + (status > 0 ? status : "4xx"), List.of()));
            } else if (status >= 500 || ids.contains("status-5xx")) {
                hits.add(new Hit(
                        Problem.STATUS_5XX, matched, url, views, "HTTP " + (status > 0 ? status : "5xx"), List.of()));
            } else if (status == 0 || ids.contains("no-response")) {
                hits.add(new Hit(Problem.NO_RESPONSE, matched, url, views, "", List.of()));
            } else if (status >= 300 && status < 400) {
                String target = page.redirectTarget() == null ? "" : " to " + page.redirectTarget();
                hits.add(new Hit(Problem.REDIRECT, matched, url, views, "HTTP " + status + target, List.of()));
            }
            if ((page != null && status >= 200 && status < 300 && !page.indexable()) || ids.contains("noindex")) {
                hits.add(new Hit(Problem.NOINDEX, matched, url, views, "", List.of()));
            }
            if (ids.contains(ChangeInsightProvider.TAG_MISSING)) {
                hits.add(new Hit(Problem.TAG_MISSING, matched, url, views, "", List.of()));
            }
            if (ids.contains("orphan-page")) {
                hits.add(new Hit(Problem.ORPHAN, matched, url, views, "", List.of()));
            }
            boolean slow = ids.contains("slow-response")
                    || (page != null && page.responseTime().toMillis() > settings.slowMillis());
            boolean heavy = ids.contains("large-page") || (page != null && page.bytes() > settings.heavyBytes());
            if (slow || heavy) {
                double[] pb = bounce.page("page=" + matched);
                if (pb != null
                        && pb[1] >= settings.minBounceSessions()
                        && pb[0] >= bounce.site() + settings.bounceMargin()) {
                    String what = slow && heavy ? "slow and heavy" : slow ? "slow" : "heavy";
                    List<String[]> extra = new ArrayList<>();
                    extra.add(new String[] {"bounce rate", Double.toString(pb[0])});
                    extra.add(new String[] {"site bounce rate", Double.toString(bounce.site())});
                    if (page != null) {
                        extra.add(new String[] {
                            "response time ms",
                            Long.toString(page.responseTime().toMillis())
                        });
                        extra.add(new String[] {"bytes", Long.toString(page.bytes())});
                    }
                    hits.add(new Hit(Problem.SLOW_HIGH_BOUNCE, matched, url, views, what, extra));
                }
            }
        }
        List<Insight> out = new ArrayList<>();
        Map<Problem, List<Hit>> byProblem = new LinkedHashMap<>();
        for (Hit h : hits) {
            byProblem.computeIfAbsent(h.problem(), k -> new ArrayList<>()).add(h);
            out.add(pageInsight(traffic, h, siteTotal, window));
        }
        for (var e : byProblem.entrySet()) {
            if (e.getValue().size() >= 2) {
                out.add(summary(traffic, e.getKey(), e.getValue(), siteTotal, window));
            }
        }
        return out;
    }

    private Insight pageInsight(Traffic traffic, Hit h, double siteTotal, DateRange window) {
        double share = siteTotal > 0 ? h.traffic() / siteTotal : 0;
        String problem =
                h.problem().phrase.contains("%s") ? String.format(h.problem().phrase, h.detail()) : h.problem().phrase;
        Insights b = Insights.by(id())
                .type(h.problem().type)
                .score(h.problem().base * (0.6 + 0.4 * Math.min(1, Math.sqrt(share * 10))))
                .entity(EntityRef.page(h.path()))
                .period(window)
                .evidence(traffic.noun() + " in the last " + window.days() + " days", h.traffic(), traffic.metric())
                .evidence("share of site " + traffic.noun(), share);
        if (h.problem() == Problem.STATUS_4XX || h.problem() == Problem.STATUS_5XX || h.problem() == Problem.REDIRECT) {
            String code = h.detail().replaceAll("^HTTP (\\d+).*", "$1");
            if (code.matches("\\d+")) {
                b.evidence("status code", Integer.parseInt(code));
            }
        }
        for (String[] x : h.extra()) {
            b.evidence(x[0], Double.parseDouble(x[1]), x[0].contains("bounce") ? MetricName.BOUNCE_RATE : null, null);
        }
        return b.explain(h.url() + " " + problem + " in the last crawl, yet it received " + Format.count(h.traffic())
                        + " " + traffic.noun() + " (" + Format.percent(share) + " of the site) in the last "
                        + window.days() + " days.")
                .action(h.problem().action)
                .build();
    }

    private Insight summary(Traffic traffic, Problem p, List<Hit> hits, double siteTotal, DateRange window) {
        double sum = hits.stream().mapToDouble(Hit::traffic).sum();
        double share = siteTotal > 0 ? sum / siteTotal : 0;
        String phrase = p.phrase
                .replace(" (%s)", "")
                .replace("%s", p == Problem.SLOW_HIGH_BOUNCE ? "slow or heavy" : "an error");
        if (p == Problem.STATUS_4XX) {
            phrase = "answer 4xx";
        } else if (p == Problem.STATUS_5XX) {
            phrase = "answer 5xx";
        } else {
            phrase = phrase.replaceFirst("^is ", "are ")
                    .replaceFirst("^answers ", "answer ")
                    .replaceFirst("^redirects", "redirect")
                    .replaceFirst("^lacks", "lack")
                    .replaceFirst("^gave", "gave");
        }
        return Insights.by(id())
                .type(p.type + "-summary")
                .score(Math.min(1, p.base * (0.7 + 0.3 * Math.min(1, share * 5)) + 0.1))
                .entity(EntityRef.site())
                .period(window)
                .evidence("pages", hits.size())
                .evidence(traffic.noun() + " to them", sum, traffic.metric())
                .evidence("share of site " + traffic.noun(), share)
                .explain(hits.size() + " pages with " + Format.percent(share) + " of your " + traffic.noun() + " ("
                        + Format.count(sum) + " in the last " + window.days() + " days) " + phrase + ".")
                .action(p.action)
                .build();
    }

    /** Sessions-weighted bounce rates over the window: per page and for the site. */
    private static final class BounceBaseline {
        private final InsightContext context;
        private final Traffic traffic;
        private final DateRange window;
        private double site = Double.NaN;

        BounceBaseline(InsightContext context, Traffic traffic, DateRange window) {
            this.context = context;
            this.traffic = traffic;
            this.window = window;
        }

        /** {rate, sessions} of a page, or null when not stored. */
        double @Nullable [] page(String key) {
            return rate(key);
        }

        double site() {
            if (Double.isNaN(site)) {
                double[] r = rate(MetricPoint.SITE);
                site = r == null ? Double.POSITIVE_INFINITY : r[0];
            }
            return site;
        }

        private double @Nullable [] rate(String key) {
            return Traffic.weightedRate(
                    context.series(traffic.source(), MetricName.BOUNCE_RATE, key),
                    context.series(traffic.source(), MetricName.SESSIONS, key),
                    window);
        }
    }
}
