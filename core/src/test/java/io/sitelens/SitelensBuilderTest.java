package io.sitelens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sitelens.memory.InMemoryStorageAdapter;
import io.sitelens.model.ConnectorBinding;
import io.sitelens.model.Project;
import io.sitelens.model.ProjectKey;
import io.sitelens.spi.consent.StrictOptInConsentPolicy;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SitelensBuilderTest {

    @Test
    void build_without_storage_and_consent_policy_names_both_at_once() {
        assertThatThrownBy(() -> Sitelens.builder().build()).isInstanceOfSatisfying(SitelensException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.CONFIG_INVALID);
            assertThat(e.category()).isEqualTo(ErrorCategory.USER);
            assertThat(e.getMessage()).contains("storage").contains("consent policy");
        });
    }

    @Test
    void build_without_consent_policy_says_there_is_no_allow_all_default() {
        assertThatThrownBy(() ->
                        Sitelens.builder().storage(new InMemoryStorageAdapter()).build())
                .hasMessageContaining("consent policy")
                .hasMessageContaining("no allow-all default")
                .hasMessageNotContaining("storage (");
    }

    @Test
    void opening_a_binding_whose_provider_is_not_installed_lists_what_is() {
        Sitelens s = Sitelens.builder()
                .storage(new InMemoryStorageAdapter())
                .consentPolicy(StrictOptInConsentPolicy::new)
                .build();
        Project p = Project.builder(ProjectKey.of("t", "p"), URI.create("https://example.org/"))
                .binding(ConnectorBinding.of("main", "matomo", Map.of()))
                .build();
        assertThatThrownBy(() -> s.openConnector(p, "main")).isInstanceOfSatisfying(SitelensException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.NOT_FOUND);
            assertThat(e.getMessage()).contains("'matomo'").contains("not installed");
        });
        assertThatThrownBy(() -> s.openConnector(p, "other")).hasMessageContaining("no binding 'other'");
    }

    @Test
    void the_version_comes_from_the_build() {
        assertThat(Sitelens.version()).matches("\\d+\\.\\d+\\.\\d+.*");
    }
}
