package io.sitelens.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The public package shows no third-party type (OkHttp, Okio, jsoup, crawler-commons, Jackson, Kotlin). */
class PublicApiTest {
    static final List<Class<?>> API = List.of(
            Crawler.class,
            Crawler.Builder.class,
            CrawlConfig.class,
            CrawlConfig.Builder.class,
            CrawlScope.class,
            CrawlReport.class,
            CrawlResult.class,
            AddressResolver.class,
            AddressGuard.class,
            CrawlerPlugin.class);

    static boolean thirdParty(Type t) {
        String n = t.getTypeName();
        return n.contains("okhttp3")
                || n.contains("okio")
                || n.contains("org.jsoup")
                || n.contains("crawlercommons")
                || n.contains("com.fasterxml")
                || n.contains("kotlin");
    }

    @Test
    void public_signatures_use_only_jdk_and_sitelens_types() {
        List<String> leaks = new ArrayList<>();
        for (Class<?> c : API) {
            for (Method m : c.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers())) {
                    continue;
                }
                if (thirdParty(m.getGenericReturnType())) {
                    leaks.add(c.getSimpleName() + "." + m.getName() + " returns " + m.getGenericReturnType());
                }
                for (Type p : m.getGenericParameterTypes()) {
                    if (thirdParty(p)) {
                        leaks.add(c.getSimpleName() + "." + m.getName() + " takes " + p);
                    }
                }
            }
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                for (Type p : k.getGenericParameterTypes()) {
                    if (Modifier.isPublic(k.getModifiers()) && thirdParty(p)) {
                        leaks.add(c.getSimpleName() + "(" + p + ")");
                    }
                }
            }
        }
        assertThat(leaks).isEmpty();
    }
}
