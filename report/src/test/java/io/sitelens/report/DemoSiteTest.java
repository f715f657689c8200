package io.sitelens.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitelens.Sitelens;
import io.sitelens.connector.file.FilePlugin;
import io.sitelens.connector.gtm.GtmPlugin;
import io.sitelens.memory.InMemoryStorageAdapter;
import io.sitelens.model.ConnectorBinding;
import io.sitelens.model.DateRange;
import io.sitelens.model.DimensionFilter;
import io.sitelens.model.DimensionName;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricQuery;
import io.sitelens.model.MetricRow;
import io.sitelens.model.MetricTable;
import io.sitelens.model.Project;
import io.sitelens.model.ProjectKey;
import io.sitelens.model.TrackingPlan;
import io.sitelens.spi.connector.MetricConnector;
import io.sitelens.spi.consent.StrictOptInConsentPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled demo: the site serves its faults, the analytics and the container load through their connectors. */
class DemoSiteTest {
    static DemoSite site;
    static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        site = DemoSite.start();
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(site.url().resolve(path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Sitelens sitelens() {
        return Sitelens.builder()
                .storage(new InMemoryStorageAdapter())
                .consentPolicy(StrictOptInConsentPolicy::new)
                .plugin(new FilePlugin())
                .plugin(new GtmPlugin())
                .build();
    }

    @Test
    void the_site_has_a_few_dozen_pages_served_on_loopback() throws Exception {
        assertThat(site.url().getHost()).isEqualTo("127.0.0.1");
        List<String> html =
                DemoSite.files().stream().filter(f -> f.endsWith(".html")).toList();
        assertThat(html).hasSizeGreaterThanOrEqualTo(30);
        for (String f : html) {
            assertThat(get("/" + f).statusCode()).as(f).isEqualTo(200);
        }
        Document home = Jsoup.parse(get("/").body());
        assertThat(home.select("script[src^=/gtm.js?id=GTM-]")).hasSize(1);
        assertThat(get("/sitemap.xml").body()).contains(site.url() + "products/");
    }

    @Test
    void the_deliberate_faults_are_there() throws Exception {
        HttpResponse<String> hop = get("/old-home");
        assertThat(hop.statusCode()).isEqualTo(301);
        assertThat(hop.headers().firstValue("Location")).contains("/old-home-2");
        assertThat(get("/old-home-2").statusCode()).isEqualTo(301);
        assertThat(get("/home-2019").statusCode()).isEqualTo(302);
        assertThat(get("/summer-sale.html").statusCode())
                .as("linked from home, has traffic, 404s")
                .isEqualTo(404);
        assertThat(get("/blog/post-99.html").statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(get("/blog/post-2.html").body()).title()).isEmpty();
        assertThat(Jsoup.parse(get("/blog/post-7.html").body()).select("script[src*=gtm.js]"))
                .isEmpty();
        assertThat(Jsoup.parse(get("/products/widget-7.html").body()).select("img:not([alt])"))
                .isNotEmpty();
        assertThat(Jsoup.parse(get("/products/widget-8.html").body()).select("h1"))
                .isEmpty();
        assertThat(Jsoup.parse(get("/products/widget-3.html").body()).select("meta[name=description]"))
                .isEmpty();
        assertThat(Jsoup.parse(get("/products/widget-5.html").body())
                        .select("main")
                        .text())
                .isEqualTo(Jsoup.parse(get("/products/widget-4.html").body())
                        .select("main")
                        .text());
        assertThat(get("/blog/post-6.html").body()).contains("undefinedDemoFunction()");
        assertThat(get("/blog/post-5.html").body()).contains("src=\"http://");
        long t0 = System.nanoTime();
        assertThat(get(DemoSite.SLOW_PATH).statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - t0))
                .isGreaterThanOrEqualTo(Duration.ofMillis(DemoSite.SLOW_MILLIS));
        HttpResponse<byte[]> img = HTTP.send(
                HttpRequest.newBuilder(site.url().resolve("/img/huge-photo.png"))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(img.body().length).as("the heavy page's image").isGreaterThan(300_000);
        assertThat(get("/../pom.xml").statusCode()).isIn(400, 404);
    }

    @Test
    void the_analytics_load_through_the_file_connector_ending_on_the_chosen_day() throws Exception {
        LocalDate yesterday = LocalDate.of(2027, 3, 10);
        Path csv = DemoSite.writeAnalytics(dir, yesterday);
        Project p = Project.builder(ProjectKey.of("demo", "site"), site.url())
                .binding(ConnectorBinding.of("analytics", "file", Map.of("path", csv.toString())))
                .build();
        try (MetricConnector c = sitelens().openConnector(p, "analytics")) {
            DateRange year = DateRange.lastDays(yesterday, 365);
            MetricTable daily = c.query(MetricQuery.builder(year)
                    .metric(MetricName.SESSIONS)
                    .dimension(DimensionName.DATE)
                    .build());
            assertThat(daily.rows()).hasSize(365);
            assertThat(daily.rows().get(364).dimension(0)).isEqualTo(yesterday.toString());
            MetricRow spike = daily.rows().stream()
                    .max(Comparator.comparingDouble(r -> r.value(0)))
                    .orElseThrow();
            assertThat(spike.dimension(0))
                    .as("the anomaly")
                    .isEqualTo(yesterday.minusDays(9).toString());
            DateRange recent = DateRange.lastDays(yesterday, 28);
            assertThat(views(c, recent, "/blog/post-3.html"))
                    .as("a mover")
                    .isGreaterThan(2 * views(c, recent.previous(), "/blog/post-3.html"));
            assertThat(views(c, recent, "/summer-sale.html"))
                    .as("traffic on a page that 404s")
                    .isGreaterThan(1000);
        }
    }

    private static double views(MetricConnector c, DateRange range, String page) {
        return c.query(MetricQuery.builder(range)
                        .metric(MetricName.PAGE_VIEWS)
                        .dimension(DimensionName.PAGE)
                        .filter(DimensionFilter.exact(DimensionName.PAGE, page))
                        .build())
                .rows()
                .get(0)
                .value(0);
    }

    @Test
    void the_container_export_is_a_tracking_plan_for_the_gtm_connector() throws Exception {
        Path json = DemoSite.writeContainer(dir);
        Project p = Project.builder(ProjectKey.of("demo", "site"), URI.create("https://demo.example/"))
                .binding(ConnectorBinding.of("tags", "gtm", Map.of("exportFile", json.toString())))
                .build();
        try (MetricConnector c = sitelens().openConnector(p, "tags")) {
            TrackingPlan plan = c.trackingPlan();
            assertThat(plan.containerId()).isEqualTo("GTM-SLDEMO1");
            assertThat(plan.containerName()).contains("synthetic");
            assertThat(plan.events())
                    .extracting(TrackingPlan.TrackedEvent::name)
                    .contains("add_to_cart", "generate_lead");
            assertThat(plan.tags()).anyMatch(TrackingPlan.Tag::paused);
            assertThat(plan.measurementIds()).contains("G-SLDEMO2026");
        }
    }
}
