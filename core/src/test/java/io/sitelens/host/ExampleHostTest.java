package io.sitelens.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitelens.Sitelens;
import io.sitelens.memory.InMemoryStorageAdapter;
import io.sitelens.model.Finding;
import io.sitelens.model.Project;
import io.sitelens.model.ProjectKey;
import io.sitelens.model.Severity;
import io.sitelens.spi.consent.StrictOptInConsentPolicy;
import io.sitelens.spi.storage.CrawlRun;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExampleHostTest {
    @Test
    void one_instance_serves_two_tenants_each_seeing_only_its_own_findings() throws Exception {
        InMemoryStorageAdapter store = new InMemoryStorageAdapter();
        try (Sitelens sitelens = Sitelens.builder()
                        .storage(store)
                        .consentPolicy(StrictOptInConsentPolicy::new)
                        .build();
                ExampleHost host = new ExampleHost(sitelens)) {
            for (String tenant : List.of("acme", "beta")) {
                ProjectKey key = ProjectKey.of(tenant, "www");
                sitelens.tenant(key.tenant()).create(tenant);
                sitelens.tenant(key.tenant())
                        .createProject(Project.builder(key, URI.create("https://x.org/"))
                                .build());
                CrawlRun run = store.crawls().startRun(key, "https://x.org/", Instant.EPOCH);
                store.crawls()
                        .saveFindings(
                                key,
                                run.id(),
                                List.of(Finding.of(
                                        "title-missing", Severity.WARNING, "https://" + tenant + ".org/", "m")));
                store.crawls().finishRun(key, run.id(), CrawlRun.Status.COMPLETED, Instant.EPOCH);
            }
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            for (String tenant : List.of("acme", "beta")) {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + "/projects/www/findings"))
                                .header("X-Tenant", tenant)
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body())
                        .contains("https://" + tenant + ".org/")
                        .doesNotContain(tenant.equals("acme") ? "beta" : "acme");
            }
            HttpResponse<String> none = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + "/projects/shop/findings"))
                            .header("X-Tenant", "acme")
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(none.statusCode()).isEqualTo(404);
        }
    }
}
