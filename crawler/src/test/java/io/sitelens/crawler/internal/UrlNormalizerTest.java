package io.sitelens.crawler.internal;

import static org.assertj.core.api.Assertions.assertThat;

import okhttp3.HttpUrl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlNormalizerTest {
    final UrlNormalizer normalizer = new UrlNormalizer(2048);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "HTTP://Example.COM:80/a/./b/../c#frag | http://example.com/a/c",
                "https://example.com:443/ | https://example.com/",
                "https://example.com/?b=2&a=1&utm_source=x&gclid=1&fbclid=2&UTM_medium=y | https://example.com/?a=1&b=2",
                "https://example.com/p?utm_campaign=z | https://example.com/p",
                "https://example.com/ | https://example.com/",
                "https://example.com/index.html | https://example.com/index.html",
                "https://example.com/caf%C3%A9?q=a%2Fb&p=%20 | https://example.com/caf%C3%A9?p=%20&q=a%2Fb",
                "http://example.com:8080/x | http://example.com:8080/x"
            })
    void normalises_on_http_url(String in, String out) {
        assertThat(normalizer.parse(in)).hasToString(out);
    }

    @ParameterizedTest
    @CsvSource({"mailto:a@example.com", "javascript:void(0)", "ftp://example.com/", "''"})
    void non_http_urls_are_not_urls_to_crawl(String href) {
        assertThat(normalizer.resolve(HttpUrl.get("https://example.com/"), href))
                .isNull();
    }

    @org.junit.jupiter.api.Test
    void relative_links_resolve_against_the_page() {
        assertThat(normalizer.resolve(HttpUrl.get("https://example.com/docs/a.html"), "../b.html#x"))
                .hasToString("https://example.com/b.html");
        assertThat(new UrlNormalizer(64).withinLimit(HttpUrl.get("https://example.com/" + "a".repeat(100))))
                .isFalse();
    }
}
