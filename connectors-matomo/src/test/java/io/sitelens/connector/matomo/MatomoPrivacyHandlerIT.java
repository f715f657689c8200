package io.sitelens.connector.matomo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sitelens.SitelensException;
import io.sitelens.model.ConnectorBinding;
import io.sitelens.model.DataSubject;
import io.sitelens.model.ProjectKey;
import io.sitelens.model.SubjectIdentity;
import io.sitelens.model.TenantId;
import io.sitelens.spi.privacy.ExportedItem;
import io.sitelens.spi.privacy.HandlerResult;
import io.sitelens.spi.privacy.PrivacyRequestContext;
import io.sitelens.spi.privacy.PrivacyRightsHandler;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Access, portability and erasure through Matomo's PrivacyManager API, replaying its own test outputs. */
class MatomoPrivacyHandlerIT {
    private static final DataSubject USER = DataSubject.of(SubjectIdentity.parse("matomo-user:userId209"));
    /** The 16-hex visitor id of the exported visit in Matomo's fixture. */
    private static final DataSubject VISITOR = DataSubject.of(SubjectIdentity.parse("matomo-visitor:5484EB1BCD82EEFE"));

    private final FakeMatomo matomo = new FakeMatomo();
    private MockWebServer server;

    private final PrivacyRequestContext request = new PrivacyRequestContext() {
        @Override
        public TenantId tenant() {
            return TenantId.DEFAULT;
        }

        @Override
        public Optional<ProjectKey> project() {
            return Optional.of(ProjectKey.of("default", "acme"));
        }

        @Override
        public String requestId() {
            return "dsr-1";
        }

        @Override
        public Clock clock() {
            return Clock.systemUTC();
        }
    };

    private PrivacyRightsHandler handler() {
        server = Servers.start(matomo);
        return new MatomoPrivacyHandlerFactory()
                .create(
                        ConnectorBinding.of("analytics", "matomo", Map.of()),
                        Servers.config(server, Map.of("siteId", "5")),
                        new TestContext())
                .orElseThrow();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void the_factory_serves_only_matomo_bindings() {
        server = Servers.start(matomo);
        assertThat(new MatomoPrivacyHandlerFactory()
                        .create(
                                ConnectorBinding.of("ga", "ga4", Map.of()),
                                Servers.config(server, Map.of()),
                                new TestContext()))
                .isEmpty();
    }

    @Test
    void access_finds_the_visits_by_user_id_and_exports_them() {
        matomo.answer("PrivacyManager.findDataSubjects", "PrivacyManager.findDataSubjects.derived.json")
                .answer("PrivacyManager.exportDataSubjects", "PrivacyManager_exportDataSubject_oneVisitGiven.json");
        HandlerResult r = handler().access(request, USER);

        FakeMatomo.Call find = matomo.calls("PrivacyManager.findDataSubjects").get(0);
        assertThat(find.params()).containsEntry("idSite", "5").containsEntry("segment", "userId==userId209");
        FakeMatomo.Call export =
                matomo.calls("PrivacyManager.exportDataSubjects").get(0);
        assertThat(export.params())
                .containsEntry("visits[0][idsite]", "5")
                .containsEntry("visits[0][idvisit]", "186")
                .containsEntry("visits[3][idvisit]", "217");

        assertThat(r.status()).isEqualTo(HandlerResult.Status.DONE);
        assertThat(r.items()).extracting(ExportedItem::category).contains("visit", "action", "conversion");
        ExportedItem visit = r.items().stream()
                .filter(i -> i.category().equals("visit"))
                .findFirst()
                .orElseThrow();
        assertThat(visit.source()).isEqualTo("matomo:log_visit");
        assertThat(visit.fields()).containsEntry("user_id", "userId200").containsEntry("idvisitor", "5484eb1bcd82eefe");
        assertThat(r.message()).doesNotContain("userId209");
    }

    @Test
    void portability_returns_the_same_visit_data() {
        matomo.answer("PrivacyManager.findDataSubjects", "PrivacyManager.findDataSubjects.derived.json")
                .answer("PrivacyManager.exportDataSubjects", "PrivacyManager_exportDataSubject_oneVisitGiven.json");
        HandlerResult r = handler().portability(request, USER);
        assertThat(r.status()).isEqualTo(HandlerResult.Status.DONE);
        assertThat(r.items()).isNotEmpty();
    }

    @Test
    void a_visitor_id_is_searched_with_a_visitor_id_segment() {
        matomo.answer("PrivacyManager.findDataSubjects", c -> "[]");
        HandlerResult r = handler().access(request, VISITOR);
        assertThat(r.status()).isEqualTo(HandlerResult.Status.NOT_FOUND);
        assertThat(matomo.calls("PrivacyManager.findDataSubjects").get(0).params())
                .containsEntry("segment", "visitorId==5484eb1bcd82eefe");
        assertThat(matomo.calls("PrivacyManager.exportDataSubjects")).isEmpty();
    }

    @Test
    void a_user_id_cannot_inject_segment_operators() {
        matomo.answer("PrivacyManager.findDataSubjects", c -> "[]");
        handler().access(request, DataSubject.of(SubjectIdentity.parse("matomo-user:a;visitorId!=x,b")));
        assertThat(matomo.calls("PrivacyManager.findDataSubjects")
                        .get(0)
                        .params()
                        .get("segment"))
                .isEqualTo("userId==a%3BvisitorId%21%3Dx%2Cb");
    }

    @Test
    void a_malformed_visitor_id_is_refused_without_echoing_it() {
        PrivacyRightsHandler h = handler();
        assertThatThrownBy(() -> h.access(request, DataSubject.of(SubjectIdentity.parse("matomo-visitor:zz-not-hex"))))
                .isInstanceOfSatisfying(SitelensException.class, e -> assertThat(e.getMessage())
                        .contains("16 hexadecimal")
                        .doesNotContain("zz-not-hex"));
        assertThat(matomo.requests).isEmpty();
    }

    @Test
    void a_subject_known_only_by_email_is_not_found_without_asking_matomo() {
        HandlerResult r = handler().erase(request, DataSubject.of(SubjectIdentity.parse("email:ana@example.org")));
        assertThat(r.status()).isEqualTo(HandlerResult.Status.NOT_FOUND);
        assertThat(matomo.requests).isEmpty();
    }

    @Test
    void erasure_deletes_the_visits_found_and_reports_what_was_deleted() {
        matomo.answer("PrivacyManager.findDataSubjects", "PrivacyManager.findDataSubjects.derived.json")
                // synthetic: deleteDataSubjects answers the rows deleted per log table
                .answer(
                        "PrivacyManager.deleteDataSubjects",
                        c -> "{\"log_conversion\":1,\"log_conversion_item\":0,\"log_link_visit_action\":\"11\","
                                + "\"log_visit\":4}");
        HandlerResult r = handler().erase(request, USER);
        assertThat(r.status()).isEqualTo(HandlerResult.Status.DONE);
        assertThat(r.affected()).isEqualTo(16);
        assertThat(r.message()).contains("4 visit(s)", "log_visit=4", "log_link_visit_action=11", "site 5");
        assertThat(r.message()).doesNotContain("userId209");
        assertThat(matomo.calls("PrivacyManager.deleteDataSubjects").get(0).params())
                .containsEntry("visits[2][idvisit]", "218");
    }

    @Test
    void a_second_erasure_of_the_same_subject_finds_nothing_and_deletes_nothing() {
        matomo.answer("PrivacyManager.findDataSubjects", c -> "[]");
        HandlerResult r = handler().erase(request, USER);
        assertThat(r.status()).isEqualTo(HandlerResult.Status.NOT_FOUND);
        assertThat(matomo.calls("PrivacyManager.deleteDataSubjects")).isEmpty();
    }

    @Test
    void a_refused_call_fails_the_handler_without_the_subjects_id_in_the_message() {
        matomo.http(
                "PrivacyManager.findDataSubjects",
                c -> FakeMatomo.json(
                        401, FakeMatomo.error("You can't access this resource (segment userId==userId209)")));
        HandlerResult r = handler().erase(request, USER);
        assertThat(r.status()).isEqualTo(HandlerResult.Status.FAILED);
        assertThat(r.message()).contains("external.authentication").doesNotContain("userId209");
    }
}
