package io.sitelens.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
    @TempDir
    Path dir;

    private static Document parse(String html) {
        return Jsoup.parse(html);
    }

    @Test
    void every_section_is_present_in_order() {
        Document doc = parse(HtmlReport.render(
                new SampleProject().metrics().crawl(2).insights().collect(ReportOptions.builder())));
        assertThat(doc.select("section.section").eachAttr("id")).containsExactlyElementsOf(HtmlReport.SECTIONS);
        assertThat(doc.select("nav.toc a").eachAttr("href"))
                .containsExactlyElementsOf(
                        HtmlReport.SECTIONS.stream().map(s -> "#" + s).toList());
    }

    @Test
    void a_page_title_with_a_script_tag_is_rendered_inert() {
        String html = HtmlReport.render(
                new SampleProject().metrics().crawl(1).insights().collect(ReportOptions.builder()));
        Document doc = parse(html);
        assertThat(doc.select("script"))
                .as("no script element may come out of the data")
                .isEmpty();
        assertThat(doc.select("[onerror]")).isEmpty();
        assertThat(doc.select("td.title").eachText()).contains(SampleProject.EVIL_TITLE);
        assertThat(html).contains("Deals &lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt; &amp; more");
        assertThat(doc.title()).isEqualTo("Site audit: Example <b>shop</b>");
        assertThat(doc.select("header b"))
                .as("the project name is text, not markup")
                .isEmpty();
    }

    @Test
    void the_report_is_self_contained_and_forbids_the_network() {
        String html = HtmlReport.render(
                new SampleProject().metrics().crawl(2).insights().collect(ReportOptions.builder()));
        Document doc = parse(html);
        assertThat(doc.select("link, script, iframe, object, embed")).isEmpty();
        for (Element img : doc.select("img")) {
            assertThat(img.attr("src")).startsWith("data:image/png;base64,");
        }
        assertThat(doc.select("meta[http-equiv=Content-Security-Policy]").attr("content"))
                .contains("default-src 'none'");
        assertThat(html).doesNotContain("url(").contains("@media print");
    }

    @Test
    void headlines_show_the_28_day_trend_with_its_direction() {
        ReportData data = new SampleProject().metrics().collect(ReportOptions.builder());
        ReportData.Headline sessions = data.headlines().get(0);
        assertThat(sessions.current()).isEqualTo(28 * 110);
        assertThat(sessions.previous()).isEqualTo(28 * 100);
        Document doc = parse(HtmlReport.render(data));
        Element cards = doc.selectFirst("#summary .cards");
        assertThat(cards.text()).contains("Sessions").contains("3,080").contains("+10.0%");
        assertThat(doc.select("#summary .delta.good"))
                .as("more sessions and less bounce are good")
                .hasSize(3);
        assertThat(doc.select("#summary .delta.bad")).isEmpty();
    }

    @Test
    void charts_are_inline_svg_lines_for_the_key_series() {
        Document doc = parse(HtmlReport.render(new SampleProject().metrics().collect(ReportOptions.builder())));
        assertThat(doc.select("#charts svg title").eachText())
                .containsExactly("Sessions per day", "Page views per day", "Bounce rate per day");
        for (Element path : doc.select("#charts svg path.line")) {
            assertThat(path.attr("d")).startsWith("M").contains("L");
        }
    }

    @Test
    void pages_are_ranked_by_traffic_with_their_findings() {
        ReportData data = new SampleProject().metrics().crawl(0).collect(ReportOptions.builder());
        assertThat(data.pages())
                .extracting(ReportData.PageRow::url)
                .containsExactly(
                        "https://www.example.org/deals", "https://www.example.org/", "https://www.example.org/old");
        assertThat(data.pages().get(0).pageViews()).isEqualTo(28 * 200);
        Document doc = parse(HtmlReport.render(data));
        assertThat(doc.select("#pages table.pages tbody tr")).hasSize(3);
        assertThat(doc.select("#pages table.pages tbody tr").get(0).text())
                .contains("5,600")
                .contains("analytics-tag-missing")
                .contains("<img src=x onerror=alert(1)> has no alt");
        assertThat(doc.select("#pages table.checks td").eachText()).contains("status-4xx");
    }

    @Test
    void the_gallery_embeds_at_most_n_screenshots_top_pages_first() {
        ReportData data = new SampleProject()
                .metrics()
                .crawl(5)
                .collect(ReportOptions.builder().screenshots(3));
        assertThat(data.screenshots()).hasSize(3);
        assertThat(data.screenshots().get(0).url()).isEqualTo("https://www.example.org/deals");
        assertThat(data.notes()).anyMatch(n -> n.contains("3 of 5 screenshots"));
        Document doc = parse(HtmlReport.render(data));
        assertThat(doc.select("#screenshots img")).hasSize(3);
        assertThat(doc.select("#screenshots figcaption").first().text())
                .contains("LCP 1234 ms")
                .contains("ReferenceError");
    }

    @Test
    void insights_come_ranked_with_evidence_and_actions() {
        Document doc = parse(HtmlReport.render(
                new SampleProject().metrics().crawl(0).insights().collect(ReportOptions.builder())));
        assertThat(doc.select("#insights li.insight")).hasSize(2);
        Element first = doc.select("#insights li.insight").first();
        assertThat(first.text())
                .contains("anomaly")
                .contains("Sessions jumped")
                .contains("40.0%")
                .contains("<i>low</i>")
                .contains("Suggested action: Check the campaign calendar.");
    }

    @Test
    void tracking_coverage_counts_pages_without_a_tag_and_notes_explain_gaps() {
        ReportData data = new SampleProject()
                .metrics()
                .crawl(0)
                .insights()
                .collect(ReportOptions.builder().note("Chromium was not found."));
        assertThat(data.coverage().htmlPages()).isEqualTo(2);
        assertThat(data.coverage().pagesWithoutTag()).containsExactly("https://www.example.org/deals");
        Document doc = parse(HtmlReport.render(data));
        assertThat(doc.select("#tracking p.coverage").text()).contains("1 of 2 HTML pages");
        assertThat(doc.select("#data-quality li").eachText())
                .anyMatch(n -> n.contains("matomo failed: quota spent"))
                .anyMatch(n -> n.contains("ga4: data quality: sampled: read 12.5% of the events"))
                .contains("Chromium was not found.");
        assertThat(doc.select("#usage table.usage").text()).contains("ga4").contains("crawler");
    }

    @Test
    void an_empty_project_still_renders_every_section_with_explanations() {
        ReportData data = new SampleProject().collect(ReportOptions.builder());
        Document doc = parse(HtmlReport.render(data));
        assertThat(doc.select("section.section")).hasSize(HtmlReport.SECTIONS.size());
        assertThat(data.notes()).anyMatch(n -> n.startsWith("No analytics data"));
        assertThat(data.notes()).anyMatch(n -> n.startsWith("No completed crawl"));
    }

    @Test
    void the_report_file_and_json_summary_are_written() throws Exception {
        ReportData data = new SampleProject().metrics().crawl(1).insights().collect(ReportOptions.builder());
        Path html = dir.resolve("out/report.html");
        HtmlReport.write(data, html);
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>");
        assertThat(Files.list(html.getParent())).containsExactly(html);
        JsonNode json = new ObjectMapper().readTree(JsonSummary.render(data));
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.get("insights")).hasSize(2);
        assertThat(json.get("insights").get(0).get("type").asText()).isEqualTo("anomaly");
        assertThat(json.get("headlines").get(0).get("change").asDouble())
                .isEqualTo(0.1, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(json.get("trackingCoverage").get("pagesWithoutTag").get(0).asText())
                .isEqualTo("https://www.example.org/deals");
        assertThat(json.get("pages").get("crawled").asInt()).isEqualTo(3);
    }
}
