package io.sitelens.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitelens.SitelensException;
import io.sitelens.memory.InMemoryStorageAdapter;
import io.sitelens.model.ConsentMethod;
import io.sitelens.model.DataSubject;
import io.sitelens.model.Purpose;
import io.sitelens.model.SubjectIdentity;
import io.sitelens.model.TenantId;
import io.sitelens.spi.consent.StrictOptInConsentPolicy;
import io.sitelens.spi.privacy.HandlerResult.Status;
import io.sitelens.spi.privacy.IdentityVerification;
import io.sitelens.spi.privacy.PrivacyRight;
import io.sitelens.spi.storage.AuditEntry;
import io.sitelens.spi.storage.BlobRef;
import io.sitelens.spi.storage.SubjectRecord;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PrivacyRequestsTest {
    static final TenantId T = TenantId.of("acme");
    static final SubjectIdentity EMAIL = SubjectIdentity.parse("email:Ana.Lima@Example.org");
    static final SubjectIdentity ACCOUNT = SubjectIdentity.parse("account:cus-4711");
    static final DataSubject ANA = DataSubject.of(EMAIL, ACCOUNT);
    static final Instant RECEIVED = Instant.parse("2026-01-31T10:00:00Z");

    final MutableClock clock = new MutableClock(RECEIVED);
    final InMemoryStorageAdapter storage = new InMemoryStorageAdapter();
    final FakeConnectorHandler matomo = new FakeConnectorHandler("matomo");
    final FakeConnectorHandler ga4 = new FakeConnectorHandler("ga4", EnumSet.of(PrivacyRight.ERASURE));
    PrivacyRequests requests;

    @BeforeEach
    void build() {
        requests = PrivacyRequests.builder(storage)
                .handler(matomo)
                .handler(ga4)
                .clock(clock)
                .verifier((tenant, subject, evidence) -> "ok".equals(evidence.get("token"))
                        ? IdentityVerification.verified("email-confirmation")
                        : IdentityVerification.rejected("email-confirmation", "confirmation link not clicked"))
                .register(ProcessingRegister.defaults()
                        .newBuilder()
                        .transfer(new Transfer(
                                "Google LLC",
                                "US",
                                TransferMechanism.ADEQUACY_DECISION,
                                "EU-US Data Privacy Framework",
                                LocalDate.of(2023, 7, 10),
                                "GA4 client ids"))
                        .build())
                .build();
        storage.privacy()
                .putSubjectRecord(new SubjectRecord(
                        T,
                        "contact-1",
                        RetentionPolicies.CUSTOMER_DATA,
                        List.of(EMAIL, ACCOUNT),
                        Map.of("name", "Ana Lima", "email", EMAIL.value()),
                        List.of(),
                        RECEIVED.minusSeconds(86400),
                        null));
    }

    PrivacyRequest verified(PrivacyRequest r) {
        return requests.verifyIdentity(T, r.id(), Map.of("token", "ok"));
    }

    @Nested
    class Lifecycle {
        @Test
        void a_request_goes_received_verified_completed_and_every_step_is_audited() {
            PrivacyRequest r = requests.receive(T, PrivacyRight.ERASURE, ANA);
            assertThat(r.state()).isEqualTo(RequestState.RECEIVED);
            r = verified(r);
            assertThat(r.state()).isEqualTo(RequestState.IDENTITY_VERIFIED);
            assertThat(r.verificationMethod()).isEqualTo("email-confirmation");
            r = requests.execute(T, r.id());
            assertThat(r.state()).isEqualTo(RequestState.COMPLETED);
            assertThat(r.outcomes().keySet()).containsExactly("storage", "matomo", "ga4");
            assertThat(requests.auditLog().entries(T))
                    .extracting(AuditEntry::action)
                    .containsExactly(
                            "request.received",
                            "request.identity-verified",
                            "request.handler",
                            "request.handler",
                            "request.handler",
                            "request.completed");
            assertThat(requests.auditLog().verify(T, null).valid()).isTrue();
        }

        @Test
        void a_request_cannot_run_before_identity_is_verified() {
            PrivacyRequest r = requests.receive(T, PrivacyRight.ACCESS, ANA);
            assertThatThrownBy(() -> requests.execute(T, r.id()))
                    .isInstanceOf(SitelensException.class)
                    .hasMessageContaining("identity is verified");
            assertThat(matomo.calls).isEmpty();
        }

        @Test
        void a_failed_verification_refuses_the_request_with_the_verifiers_reason() {
            PrivacyRequest r = requests.verifyIdentity(
                    T, requests.receive(T, PrivacyRight.ACCESS, ANA).id(), Map.of("token", "wrong"));
            assertThat(r.state()).isEqualTo(RequestState.REFUSED);
            assertThat(r.refusalReason()).isEqualTo("identity not verified: confirmation link not clicked");
            assertThat(requests.execute(T, r.id()).state())
                    .as("a refused request never runs")
                    .isEqualTo(RequestState.REFUSED);
            assertThat(matomo.calls).isEmpty();
        }

        @Test
        void a_request_can_be_refused_with_a_reason_only() {
            PrivacyRequest r = requests.receive(T, PrivacyRight.ACCESS, ANA);
            assertThatThrownBy(() -> requests.refuse(T, r.id(), " ")).isInstanceOf(SitelensException.class);
            assertThat(requests.refuse(T, r.id(), "manifestly excessive: fifth request this week")
                            .refusalReason())
                    .isEqualTo("manifestly excessive: fifth request this week");
        }

        @Test
        void an_unknown_request_is_a_clear_not_found() {
            assertThatThrownBy(() -> requests.execute(T, "dsr-nope"))
                    .isInstanceOf(SitelensException.class)
                    .hasMessageContaining("dsr-nope");
        }
    }

    @Nested
    class Deadlines {
        @Test
        void the_deadline_is_one_calendar_month_after_receipt() {
            PrivacyRequest r = requests.receive(T, PrivacyRight.ACCESS, ANA);
            assertThat(r.deadline())
                    .as("31 January + 1 month is the end of February")
                    .isEqualTo(Instant.parse("2026-02-28T10:00:00Z"));
        }

        @Test
        void the_deadline_extends_by_up_to_two_months_with_a_reason() {
            PrivacyRequest r = requests.receive(T, PrivacyRight.ACCESS, ANA);
            assertThatThrownBy(() -> requests.extend(T, r.id(), 1, ""))
                    .isInstanceOf(SitelensException.class)
                    .hasMessageContaining("reason");
            clock.advance(Duration.ofDays(20));
            PrivacyRequest once = requests.extend(T, r.id(), 1, "complex: 14 systems to search");
            assertThat(once.deadline()).isEqualTo(Instant.parse("2026-03-31T10:00:00Z"));
            PrivacyRequest twice = requests.extend(T, r.id(), 1, "large number of requests this month");
            assertThat(twice.deadline()).isEqualTo(Instant.parse("2026-04-30T10:00:00Z"));
            assertThat(twice.extensions())
                    .extracting(DeadlineExtension::reason)
                    .containsExactly("complex: 14 systems to search", "large number of requests this month");
            assertThatThrownBy(() -> requests.extend(T, r.id(), 1, "more"))
                    .isInstanceOf(SitelensException.class)
                    .hasMessageContaining("at most 2 months");
            assertThat(requests.get(T, r.id()).orElseThrow().deadline())
                    .as("the stored request keeps its extended deadline")
                    .isEqualTo(Instant.parse("2026-04-30T10:00:00Z"));
        }

        @Test
        void three_months_at_once_are_refused() {
            PrivacyRequest r = requests.receive(T, PrivacyRight.ACCESS, ANA);
            assertThatThrownBy(() -> requests.extend(T, r.id(), 3, "complex")).isInstanceOf(SitelensException.class);
        }

        @Test
        void a_deadline_that_has_passed_can_no_longer_be_extended_and_the_request_is_overdue() {
            PrivacyRequest r = requests.receive(T, PrivacyRight.ACCESS, ANA);
            clock.advance(Duration.ofDays(28));
            assertThat(requests.overdue(T)).isEmpty();
            clock.advance(Duration.ofDays(1));
            assertThat(requests.overdue(T)).extracting(PrivacyRequest::id).containsExactly(r.id());
            assertThatThrownBy(() -> requests.extend(T, r.id(), 1, "complex"))
                    .isInstanceOf(SitelensException.class)
                    .hasMessageContaining("passed its deadline");
        }

        @Test
        void a_completed_request_is_never_overdue() {
            PrivacyRequest r = verified(requests.receive(T, PrivacyRight.ACCESS, ANA));
            requests.execute(T, r.id());
            clock.advance(Duration.ofDays(90));
            assertThat(requests.overdue(T)).isEmpty();
        }
    }

    @Nested
    class Execution {
        @Test
        void a_failed_handler_is_retried_later_without_redoing_the_others() {
            matomo.failuresLeft = 1;
            PrivacyRequest r = verified(requests.receive(T, PrivacyRight.ERASURE, ANA));
            r = requests.execute(T, r.id());
            assertThat(r.state()).isEqualTo(RequestState.PARTIALLY_COMPLETED);
            assertThat(r.outcomes().get("matomo").status()).isEqualTo(Status.FAILED);
            assertThat(r.outcomes().get("ga4").status())
                    .as("a failure does not stop the others")
                    .isEqualTo(Status.DONE);
            assertThat(r.identities())
                    .as("identities are kept until the erasure is complete")
                    .isNotEmpty();
            r = requests.execute(T, r.id());
            assertThat(r.state()).isEqualTo(RequestState.COMPLETED);
            assertThat(matomo.calls).containsExactly("erase", "erase");
            assertThat(ga4.calls)
                    .as("ga4 succeeded the first time and is not called again")
                    .containsExactly("erase");
            assertThat(r.outcomes().get("matomo").attempts()).isEqualTo(2);
            assertThat(r.outcomes().get("storage").attempts()).isEqualTo(1);
        }

        @Test
        void running_a_completed_request_again_does_nothing() {
            PrivacyRequest r = verified(requests.receive(T, PrivacyRight.ERASURE, ANA));
            requests.execute(T, r.id());
            int entries = requests.auditLog().entries(T).size();
            requests.execute(T, r.id());
            assertThat(matomo.calls).hasSize(1);
            assertThat(requests.auditLog().entries(T)).hasSize(entries);
        }

        @Test
        void a_handler_that_throws_fails_with_a_message_that_does_not_name_the_subject() {
            matomo.failuresLeft = 1;
            matomo.throwInstead = true;
            PrivacyRequest r = requests.execute(
                    T, verified(requests.receive(T, PrivacyRight.ERASURE, ANA)).id());
            HandlerOutcome o = r.outcomes().get("matomo");
            assertThat(o.status()).isEqualTo(Status.FAILED);
            assertThat(o.message()).contains("connection reset").doesNotContain("ana.lima");
        }

        @Test
        void a_handler_that_does_not_implement_a_right_is_recorded_as_unsupported_and_not_called() {
            PrivacyRequest r = requests.execute(
                    T, verified(requests.receive(T, PrivacyRight.ACCESS, ANA)).id());
            assertThat(r.state()).isEqualTo(RequestState.COMPLETED);
            assertThat(r.outcomes().get("ga4").status()).isEqualTo(Status.UNSUPPORTED);
            assertThat(ga4.calls).isEmpty();
        }

        @Test
        void a_handler_that_knows_none_of_the_identity_types_is_not_called() {
            DataSubject accountOnly = DataSubject.of(ACCOUNT);
            PrivacyRequest r = requests.execute(
                    T,
                    verified(requests.receive(T, PrivacyRight.ERASURE, accountOnly))
                            .id());
            assertThat(r.outcomes().get("matomo").status()).isEqualTo(Status.NOT_FOUND);
            assertThat(matomo.calls).isEmpty();
        }
    }

    @Nested
    class Exports {
        private JsonNode json(SubjectExport e) throws Exception {
            return new ObjectMapper().readTree(e.bytes());
        }

        @Test
        void access_exports_json_with_the_metadata_section_and_every_systems_data() throws Exception {
            PrivacyRequest r = requests.execute(
                    T, verified(requests.receive(T, PrivacyRight.ACCESS, ANA)).id());
            SubjectExport e = requests.export(T, r.id());
            assertThat(e.mediaType()).isEqualTo("application/json");
            JsonNode doc = json(e);
            JsonNode meta = doc.path("metadata");
            for (String section :
                    List.of("purposes", "categories", "recipients", "retention", "sources", "transfersOutsideEea")) {
                assertThat(meta.path(section).isArray())
                        .as("metadata." + section)
                        .isTrue();
                assertThat(meta.path(section).size()).as("metadata." + section).isPositive();
            }
            assertThat(meta.path("transfersOutsideEea").get(0).path("mechanism").asText())
                    .isEqualTo("adequacy_decision");
            assertThat(meta.path("retention").toString())
                    .contains("customerData")
                    .contains("P2Y");
            assertThat(doc.path("data").toString()).contains("Ana Lima").contains("/pricing");
            assertThat(doc.path("systems").toString()).contains("matomo").contains("storage");
        }

        @Test
        void portability_exports_only_what_the_subject_provided_or_generated() throws Exception {
            PrivacyRequest r = requests.execute(
                    T,
                    verified(requests.receive(T, PrivacyRight.PORTABILITY, ANA)).id());
            JsonNode data = json(requests.export(T, r.id())).path("data");
            assertThat(data.toString()).contains("/pricing").doesNotContain("returning");
            data.forEach(
                    n -> assertThat(n.path("providedBySubject").asBoolean()).isTrue());
        }

        @Test
        void attached_files_make_the_export_a_zip() throws Exception {
            BlobRef file = storage.blobs().put(T, "signed contract of Ana Lima".getBytes(StandardCharsets.UTF_8));
            storage.privacy()
                    .putSubjectRecord(new SubjectRecord(
                            T,
                            "contract-7",
                            RetentionPolicies.CONTRACT_DATA,
                            List.of(ACCOUNT),
                            Map.of("plan", "pro"),
                            List.of(file.sha256()),
                            RECEIVED,
                            null));
            PrivacyRequest r = requests.execute(
                    T, verified(requests.receive(T, PrivacyRight.ACCESS, ANA)).id());
            SubjectExport e = requests.export(T, r.id());
            assertThat(e.isZip()).isTrue();
            assertThat(e.fileName()).endsWith(".zip");
            Map<String, String> entries = new HashMap<>();
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(e.bytes()))) {
                for (ZipEntry z = zip.getNextEntry(); z != null; z = zip.getNextEntry()) {
                    entries.put(z.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            assertThat(entries).containsKey("export.json");
            assertThat(entries.get("files/" + file.sha256())).isEqualTo("signed contract of Ana Lima");
            assertThat(entries.get("export.json")).contains("files/" + file.sha256());
        }

        @Test
        void only_finished_access_requests_export() {
            PrivacyRequest r = requests.receive(T, PrivacyRight.ACCESS, ANA);
            assertThatThrownBy(() -> requests.export(T, r.id())).isInstanceOf(SitelensException.class);
        }
    }

    @Nested
    class OtherRights {
        @Test
        void rectification_changes_every_stored_copy_and_an_email_change_moves_the_consent_ledger() {
            storage.privacy()
                    .putSubjectRecord(new SubjectRecord(
                            T,
                            "contract-7",
                            RetentionPolicies.CONTRACT_DATA,
                            List.of(EMAIL),
                            Map.of("name", "A. Lima"),
                            List.of(),
                            RECEIVED,
                            null));
            ConsentLedger ledger = ledger();
            ledger.grant(T, EMAIL, Purpose.MARKETING, "v2", ConsentMethod.FORM, "newsletter");
            PrivacyRequest r = requests.receiveRectification(
                    T, ANA, Map.of("name", "Ana Lima Souza", "email", "ana.souza@example.org"));
            r = requests.execute(T, verified(r).id());
            assertThat(r.state()).isEqualTo(RequestState.COMPLETED);
            SubjectIdentity newEmail = SubjectIdentity.parse("email:ana.souza@example.org");
            List<SubjectRecord> records = storage.privacy().subjectRecords(T, List.of(newEmail));
            assertThat(records).hasSize(2).allMatch(x -> x.fields().get("name").equals("Ana Lima Souza"));
            assertThat(storage.privacy().subjectRecords(T, List.of(EMAIL))).isEmpty();
            assertThat(storage.consents().history(T, newEmail)).hasSize(1);
            assertThat(storage.consents().history(T, EMAIL)).isEmpty();
            assertThat(requests.auditLog().entries(T).toString())
                    .doesNotContain("Souza")
                    .doesNotContain("ana.");
        }

        @Test
        void objection_to_marketing_stops_it_at_once_even_with_consent_given() {
            ledger().grant(T, EMAIL, Purpose.MARKETING, "v2", ConsentMethod.FORM, "newsletter");
            ProcessingGate gate = gate();
            assertThat(gate.decide(T, EMAIL, Purpose.MARKETING, clock.instant()).allowed())
                    .isTrue();
            PrivacyRequest r = requests.receiveObjection(T, ANA, Set.of(Purpose.MARKETING));
            r = requests.execute(T, verified(r).id());
            assertThat(r.state()).isEqualTo(RequestState.COMPLETED);
            assertThat(matomo.calls).containsExactly("object:MARKETING");
            assertThat(gate.decide(T, EMAIL, Purpose.MARKETING, clock.instant()).allowed())
                    .isFalse();
            assertThat(gate.decideWithoutConsent(T, ACCOUNT, Purpose.MARKETING).allowed())
                    .as("marketing on legitimate interest stops too")
                    .isFalse();
            assertThat(storage.consents()
                            .current(T, EMAIL, Purpose.MARKETING, clock.instant())
                            .orElseThrow()
                            .granted())
                    .as("the ledger records the withdrawal")
                    .isFalse();
            assertThat(gate.decideWithoutConsent(T, ACCOUNT, Purpose.ANALYTICS).allowed())
                    .as("other purposes are not affected")
                    .isTrue();
        }

        @Test
        void a_restricted_subject_is_skipped_by_flows_until_the_restriction_is_lifted() {
            storage.privacy()
                    .putSubjectRecord(new SubjectRecord(
                            T,
                            "contact-2",
                            RetentionPolicies.CUSTOMER_DATA,
                            List.of(SubjectIdentity.parse("email:bo@example.org")),
                            Map.of("name", "Bo"),
                            List.of(),
                            RECEIVED,
                            null));
            ledger().grant(T, EMAIL, Purpose.BEHAVIOUR_TRACKING, "v2", ConsentMethod.BANNER, "site");
            ProcessingGate gate = gate();
            requests.execute(
                    T,
                    verified(requests.receive(T, PrivacyRight.RESTRICTION, ANA)).id());
            assertThat(matomo.calls).containsExactly("restrict:true");
            assertThat(gate.restricted(T, ANA)).isTrue();
            assertThat(gate.decide(T, EMAIL, Purpose.BEHAVIOUR_TRACKING, clock.instant())
                            .allowed())
                    .as("behaviour collection skips a restricted subject despite consent")
                    .isFalse();
            assertThat(gate.recordsToProcess(T, RetentionPolicies.CUSTOMER_DATA, Purpose.ANALYTICS))
                    .as("an export of customer contacts to a sink leaves the restricted subject out")
                    .extracting(SubjectRecord::id)
                    .containsExactly("contact-2");
            assertThat(storage.privacy().subjectRecords(T, List.of(EMAIL)))
                    .as("restriction keeps the data")
                    .hasSize(1);
            requests.execute(
                    T, verified(requests.receiveRestrictionLift(T, ANA)).id());
            assertThat(matomo.calls).containsExactly("restrict:true", "restrict:false");
            assertThat(gate.decide(T, EMAIL, Purpose.BEHAVIOUR_TRACKING, clock.instant())
                            .allowed())
                    .isTrue();
            assertThat(gate.recordsToProcess(T, RetentionPolicies.CUSTOMER_DATA, Purpose.ANALYTICS))
                    .hasSize(2);
        }

        @Test
        void a_withdrawal_takes_effect_at_once() {
            ConsentLedger ledger = ledger();
            ledger.grant(T, EMAIL, Purpose.BEHAVIOUR_TRACKING, "v2", ConsentMethod.BANNER, "site");
            ledger.withdraw(T, EMAIL, Purpose.BEHAVIOUR_TRACKING, "v2", ConsentMethod.GLOBAL_PRIVACY_CONTROL, "site");
            assertThat(gate().decide(T, EMAIL, Purpose.BEHAVIOUR_TRACKING, clock.instant())
                            .allowed())
                    .as("withdrawn in the same instant as granted: the withdrawal wins")
                    .isFalse();
            assertThat(requests.auditLog().entries(T))
                    .extracting(AuditEntry::action)
                    .containsExactly("consent.granted", "consent.withdrawn");
        }
    }

    ConsentLedger ledger() {
        return new ConsentLedger(storage.consents(), requests.auditLog(), requests.pseudonyms(), clock);
    }

    ProcessingGate gate() {
        return new ProcessingGate(
                storage.privacy(), requests.pseudonyms(), new StrictOptInConsentPolicy(storage.consents()));
    }
}
