package io.sitelens.crawler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sitelens.memory.InMemoryStorageAdapter;
import io.sitelens.model.ProjectKey;
import io.sitelens.spi.storage.CrawlRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ground truth: the PostgreSQL 15 manual (Debian package postgresql-doc-15) served locally and crawled from
 * {@code /}. The expected counts come from an oracle in this class that reads the files with regular
 * expressions (no jsoup, no crawler code); for package version 15.20 the issue's exact numbers are checked too.
 */
class PostgresManualIT {
    static final Path ROOT = Path.of("/usr/share/doc/postgresql-doc-15/html");
    static CrawlResult result;
    static Map<String, Long> expected;

    @BeforeAll
    static void crawl() throws IOException {
        boolean present = Files.isRegularFile(ROOT.resolve("index.html"));
        if (!present && System.getenv("SITELENS_CI") != null) {
            throw new IllegalStateException("CI must install postgresql-doc-15 (see .ci/run)");
        }
        assumeTrue(
                present,
                "PostgreSQL 15 manual not installed: run `apt-get install -y postgresql-doc-15` to enable this test");
        expected = Oracle.expected(ROOT);
        try (TestSite site = TestSite.directory(ROOT)) {
            Crawler crawler = Crawler.builder()
                    .config(CrawlConfig.builder()
                            .allowPrivateNetwork(true)
                            .checkExternal(false)
                            .build())
                    .storage(new InMemoryStorageAdapter())
                    .build();
            result = crawler.crawl(ProjectKey.of("test", "pgdocs"), List.of(site.url("/")));
        }
    }

    @Test
    void the_crawl_completes_and_fetches_every_page_of_the_manual_plus_the_root() {
        assertThat(result.status()).isEqualTo(CrawlRun.Status.COMPLETED);
        assertThat(result.report().pages()).isEqualTo(expected.get("pages"));
    }

    @Test
    void finding_counts_match_the_oracle_reading_the_files() {
        Map<String, Long> actual = new LinkedHashMap<>();
        for (String id : expected.keySet()) {
            if (!id.equals("pages")) {
                actual.put(id, result.report().findings(id));
            }
        }
        Map<String, Long> want = new LinkedHashMap<>(expected);
        want.remove("pages");
        assertThat(actual).isEqualTo(want);
    }

    @Test
    void slash_and_index_html_are_two_pages_reported_as_duplicates() {
        assertThat(result.report().findings("duplicate-page")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void version_15_20_gives_the_numbers_of_the_issue() throws IOException, InterruptedException {
        String version = installedVersion();
        assumeTrue(
                version.startsWith("15.20-"), "postgresql-doc-15 is " + version + ", not 15.20: exact numbers skipped");
        CrawlReport r = result.report();
        assertThat(r.pages()).isEqualTo(1170);
        Map<String, Long> want = new LinkedHashMap<>();
        want.put("link-broken", 0L);
        want.put("title-missing", 0L);
        want.put("title-duplicate", 6L);
        want.put("title-too-long", 1L);
        want.put("title-too-short", 916L);
        want.put("meta-description-missing", 1170L);
        want.put("h1-missing", 1154L);
        want.put("h1-multiple", 0L);
        want.put("html-lang-missing", 1170L);
        want.put("viewport-missing", 1170L);
        want.put("canonical-missing", 1170L);
        want.put("large-page", 13L);
        want.put("img-alt-missing", 0L);
        Map<String, Long> actual = new LinkedHashMap<>();
        want.keySet().forEach(id -> actual.put(id, r.findings(id)));
        assertThat(actual).isEqualTo(want);
    }

    static String installedVersion() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("dpkg-query", "-W", "-f=${Version}", "postgresql-doc-15")
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return p.waitFor() == 0 ? out : "unknown";
    }

    /** Reads the manual's files with regular expressions, independently of the crawler. */
    static final class Oracle {
        private static final Pattern A_HREF = Pattern.compile("<a\\s[^>]*?href=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
        private static final Pattern TITLE =
                Pattern.compile("<title>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

        static Map<String, Long> expected(Path root) throws IOException {
            // pages reachable from index.html by <a href>, plus "/" which serves index.html
            Set<String> reached = new LinkedHashSet<>();
            ArrayDeque<String> todo = new ArrayDeque<>(List.of("index.html"));
            Map<String, String> html = new HashMap<>();
            long broken = 0;
            while (!todo.isEmpty()) {
                String f = todo.poll();
                if (!reached.add(f)) {
                    continue;
                }
                String text = Files.readString(root.resolve(f), StandardCharsets.UTF_8);
                html.put(f, text);
                Matcher m = A_HREF.matcher(text);
                while (m.find()) {
                    String href = m.group(1);
                    int hash = href.indexOf('#');
                    String target = hash >= 0 ? href.substring(0, hash) : href;
                    if (target.isEmpty() || target.contains(":") || target.contains("/")) {
                        continue;
                    }
                    if (!Files.isRegularFile(root.resolve(target))) {
                        broken++;
                    } else if (target.endsWith(".html") && !reached.contains(target)) {
                        todo.add(target);
                    }
                }
            }
            List<String> urls = new java.util.ArrayList<>(reached);
            urls.add("index.html"); // the "/" URL: same file
            Map<String, Long> titles = new HashMap<>();
            long tooLong = 0,
                    tooShort = 0,
                    missingTitle = 0,
                    noDesc = 0,
                    noH1 = 0,
                    multiH1 = 0,
                    noLang = 0,
                    noViewport = 0,
                    noCanonical = 0,
                    large = 0,
                    imgNoAlt = 0;
            for (String f : urls) {
                String text = html.get(f);
                Matcher t = TITLE.matcher(text);
                String title =
                        t.find() ? unescape(t.group(1)).replaceAll("\\s+", " ").strip() : null;
                if (title == null || title.isEmpty()) {
                    missingTitle++;
                } else {
                    titles.merge(title, 1L, Long::sum);
                    tooLong += title.length() > 60 ? 1 : 0;
                    tooShort += title.length() < 30 ? 1 : 0;
                }
                noDesc += Pattern.compile("<meta\\s+name=\"description\"", Pattern.CASE_INSENSITIVE)
                                .matcher(text)
                                .find()
                        ? 0
                        : 1;
                long h1 = Pattern.compile("<h1[\\s>]", Pattern.CASE_INSENSITIVE)
                        .matcher(text)
                        .results()
                        .count();
                noH1 += h1 == 0 ? 1 : 0;
                multiH1 += h1 > 1 ? 1 : 0;
                noLang += Pattern.compile("<html[^>]*\\slang=\"[^\"]+\"", Pattern.CASE_INSENSITIVE)
                                .matcher(text)
                                .find()
                        ? 0
                        : 1;
                noViewport += Pattern.compile("<meta\\s+name=\"viewport\"", Pattern.CASE_INSENSITIVE)
                                .matcher(text)
                                .find()
                        ? 0
                        : 1;
                noCanonical += Pattern.compile("rel=\"canonical\"", Pattern.CASE_INSENSITIVE)
                                .matcher(text)
                                .find()
                        ? 0
                        : 1;
                large += Files.size(root.resolve(f)) > 102_400 ? 1 : 0;
                Matcher img = Pattern.compile("<img\\s[^>]*>", Pattern.CASE_INSENSITIVE)
                        .matcher(text);
                boolean noAlt = false;
                while (img.find()) {
                    noAlt |= !img.group().toLowerCase(java.util.Locale.ROOT).contains("alt=");
                }
                imgNoAlt += noAlt ? 1 : 0;
            }
            long duplicateTitles = titles.values().stream()
                    .filter(n -> n > 1)
                    .mapToLong(n -> n)
                    .sum();
            Map<String, Long> e = new LinkedHashMap<>();
            e.put("pages", (long) urls.size());
            e.put("link-broken", broken);
            e.put("title-missing", missingTitle);
            e.put("title-duplicate", duplicateTitles);
            e.put("title-too-long", tooLong);
            e.put("title-too-short", tooShort);
            e.put("meta-description-missing", noDesc);
            e.put("h1-missing", noH1);
            e.put("h1-multiple", multiH1);
            e.put("html-lang-missing", noLang);
            e.put("viewport-missing", noViewport);
            e.put("canonical-missing", noCanonical);
            e.put("large-page", large);
            e.put("img-alt-missing", imgNoAlt);
            return e;
        }

        static String unescape(String s) {
            Matcher m = Pattern.compile("&#(x?)([0-9a-fA-F]+);").matcher(s);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                int cp = Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16);
                m.appendReplacement(sb, Matcher.quoteReplacement(new String(Character.toChars(cp))));
            }
            m.appendTail(sb);
            return sb.toString()
                    .replace("&nbsp;", "\u00a0")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&#39;", "'")
                    .replace("&amp;", "&");
        }
    }
}
