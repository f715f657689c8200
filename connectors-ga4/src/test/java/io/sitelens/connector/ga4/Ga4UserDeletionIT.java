package io.sitelens.connector.ga4;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.sitelens.connector.ga4.Ga4Stub.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.sitelens.model.ConnectorBinding;
import io.sitelens.model.DataSubject;
import io.sitelens.model.ProjectKey;
import io.sitelens.model.Secret;
import io.sitelens.model.SecretRef;
import io.sitelens.model.SubjectIdentity;
import io.sitelens.model.TenantId;
import io.sitelens.spi.connector.ConnectorConfig;
import io.sitelens.spi.privacy.HandlerResult;
import io.sitelens.spi.privacy.PrivacyRequestContext;
import io.sitelens.spi.privacy.PrivacyRight;
import io.sitelens.spi.privacy.PrivacyRightsHandler;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** GA4 user deletion through the Admin API v1alpha, against a local stub. */
class Ga4UserDeletionIT {
    private static final String DELETE = "/v1alpha/properties/" + Ga4Stub.PROPERTY + ":submitUserDeletion";
    private static final String CLIENT_ID = "1197596843.1673515327";
    private static final String USER_ID = "crm-user-4711";

    private final Ga4Stub stub = new Ga4Stub();

    @AfterEach
    void stop() {
        stub.close();
    }

    private PrivacyRightsHandler handler(String providerId) {
        Map<String, String> settings = Map.of("propertyId", Ga4Stub.PROPERTY, "endpoint", stub.url());
        ConnectorBinding binding =
                new ConnectorBinding("web", providerId, settings, Map.of("credentials", SecretRef.parse("env:K")));
        ConnectorConfig config = new ConnectorConfig(
                providerId,
                "web",
                TenantId.DEFAULT,
                settings,
                binding.secrets(),
                (tenant, ref) -> Optional.of(Secret.of(stub.keyJson)));
        return new Ga4PrivacyHandlerFactory()
                .create(binding, config, new Ga4Stub.Context())
                .orElseThrow();
    }

    private static final PrivacyRequestContext REQUEST = new PrivacyRequestContext() {
        @Override
        public TenantId tenant() {
            return TenantId.DEFAULT;
        }

        @Override
        public Optional<ProjectKey> project() {
            return Optional.empty();
        }

        @Override
        public String requestId() {
            return "req-1";
        }

        @Override
        public Clock clock() {
            return Clock.systemUTC();
        }
    };

    @Test
    void erasure_submits_one_deletion_per_client_id_and_user_id_with_the_edit_scope() {
        stub.stub(post(urlPathEqualTo(DELETE)).willReturn(json(200, "submitUserDeletion.synthetic.json")));
        HandlerResult r = handler("ga4")
                .erase(
                        REQUEST,
                        DataSubject.of(
                                SubjectIdentity.parse("ga-client:" + CLIENT_ID),
                                SubjectIdentity.parse("ga-user:" + USER_ID),
                                SubjectIdentity.parse("email:ana@example.org")));
        assertThat(r.status()).isEqualTo(HandlerResult.Status.DONE);
        assertThat(r.affected()).isEqualTo(2);
        assertThat(r.message())
                .contains(Ga4Stub.PROPERTY)
                .doesNotContain(CLIENT_ID)
                .doesNotContain(USER_ID);
        stub.server.verify(
                1,
                postRequestedFor(urlPathEqualTo(DELETE))
                        .withRequestBody(equalToJson("{\"clientId\":\"" + CLIENT_ID + "\"}")));
        stub.server.verify(
                1,
                postRequestedFor(urlPathEqualTo(DELETE))
                        .withRequestBody(equalToJson("{\"userId\":\"" + USER_ID + "\"}")));
        assertThat(stub.server.findAll(postRequestedFor(urlPathEqualTo("/token"))))
                .allSatisfy(t -> assertThat(Ga4CredentialsIT.jwtScope(t))
                        .contains("https://www.googleapis.com/auth/analytics.edit")
                        .doesNotContain("analytics.readonly"));
    }

    @Test
    void a_subject_without_ga_ids_is_not_found_and_nothing_is_sent() {
        HandlerResult r = handler("ga4").erase(REQUEST, DataSubject.of(SubjectIdentity.parse("email:ana@example.org")));
        assertThat(r.status()).isEqualTo(HandlerResult.Status.NOT_FOUND);
        stub.server.verify(0, postRequestedFor(urlPathEqualTo(DELETE)));
    }

    @Test
    void a_refused_deletion_fails_naming_the_property_and_account_but_not_the_subject() {
        stub.stub(post(urlPathEqualTo(DELETE)).willReturn(json(403, "error.403-permission-denied.json")));
        HandlerResult r =
                handler("ga4").erase(REQUEST, DataSubject.of(SubjectIdentity.parse("ga-client:" + CLIENT_ID)));
        assertThat(r.status()).isEqualTo(HandlerResult.Status.FAILED);
        assertThat(r.message())
                .contains(Ga4Stub.PROPERTY)
                .contains(Ga4Stub.CLIENT_EMAIL)
                .contains("analytics.edit")
                .doesNotContain(CLIENT_ID);
    }

    @Test
    void only_erasure_is_declared_and_access_is_unsupported() {
        PrivacyRightsHandler h = handler("ga4");
        assertThat(h.supportedRights()).containsExactly(PrivacyRight.ERASURE);
        assertThat(h.access(REQUEST, DataSubject.of(SubjectIdentity.parse("ga-client:" + CLIENT_ID)))
                        .status())
                .isEqualTo(HandlerResult.Status.UNSUPPORTED);
        stub.server.verify(0, postRequestedFor(urlPathEqualTo(DELETE)));
    }

    @Test
    void bindings_of_other_providers_get_no_handler() {
        ConnectorBinding matomo = ConnectorBinding.of("m", "matomo", Map.of());
        assertThat(new Ga4PrivacyHandlerFactory()
                        .create(matomo, ConnectorConfig.of("matomo", "m", Map.of()), new Ga4Stub.Context()))
                .isEmpty();
    }
}
