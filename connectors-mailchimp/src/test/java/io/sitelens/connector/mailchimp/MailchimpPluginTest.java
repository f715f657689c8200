package io.sitelens.connector.mailchimp;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitelens.model.ConnectorBinding;
import io.sitelens.model.IdentityType;
import io.sitelens.spi.SitelensSpi;
import io.sitelens.spi.privacy.PrivacyRight;
import io.sitelens.spi.privacy.PrivacyRightsHandler;
import io.sitelens.spi.privacy.PrivacyRightsHandlerFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailchimpPluginTest {
    @Test
    void the_plugin_contributes_one_privacy_handler_factory_named_mailchimp() {
        assertThat(new MailchimpPlugin().privacyHandlers()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("mailchimp");
            assertThat(f.spiVersion()).isEqualTo(SitelensSpi.VERSION);
        });
    }

    @Test
    void the_factory_serves_mailchimp_bindings_only() {
        PrivacyRightsHandlerFactory f = new MailchimpPrivacyHandlerFactory();
        var config = Handlers.config(MailchimpStub.KEY, Map.of());
        assertThat(f.create(ConnectorBinding.of("web", "matomo", Map.of()), config, new TestContext()))
                .isEmpty();
        PrivacyRightsHandler h = f.create(
                        ConnectorBinding.of("newsletter", "mailchimp", Map.of()), config, new TestContext())
                .orElseThrow();
        assertThat(h.identityTypes()).containsExactly(IdentityType.EMAIL);
        assertThat(h.supportedRights())
                .contains(PrivacyRight.ACCESS, PrivacyRight.OBJECTION, PrivacyRight.ERASURE, PrivacyRight.RECTIFICATION)
                .doesNotContain(PrivacyRight.RESTRICTION);
    }
}
