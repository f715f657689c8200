package io.sitelens.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitelens.memory.InMemoryStorageAdapter;
import io.sitelens.model.ConsentMethod;
import io.sitelens.model.Purpose;
import io.sitelens.model.SubjectIdentity;
import io.sitelens.model.TenantId;
import io.sitelens.spi.storage.AuditEntry;
import io.sitelens.spi.storage.BlobRef;
import io.sitelens.spi.storage.SubjectRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetentionJobTest {
    static final TenantId T = TenantId.of("acme");
    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    final MutableClock clock = new MutableClock(NOW);
    final InMemoryStorageAdapter storage = new InMemoryStorageAdapter();
    final SubjectIdentity oldCustomer = SubjectIdentity.parse("email:old@example.org");
    final SubjectIdentity prospect = SubjectIdentity.parse("email:prospect@example.org");
    BlobRef invoice;

    SubjectRecord record(String id, String category, List<SubjectIdentity> ids, Instant created, Instant ended) {
        return new SubjectRecord(T, id, category, ids, Map.of("name", id), List.of(), created, ended);
    }

    @BeforeEach
    void seed() {
        invoice = storage.blobs().put(T, "invoice 2015-001".getBytes(StandardCharsets.UTF_8));
        var p = storage.privacy();
        // contract data: 10 years after the relationship ended
        p.putSubjectRecord(new SubjectRecord(
                T,
                "contract-old",
                RetentionPolicies.CONTRACT_DATA,
                List.of(oldCustomer),
                Map.of(),
                List.of(invoice.sha256()),
                Instant.parse("2010-01-01T00:00:00Z"),
                Instant.parse("2016-05-01T00:00:00Z")));
        p.putSubjectRecord(record(
                "contract-recent",
                RetentionPolicies.CONTRACT_DATA,
                List.of(SubjectIdentity.parse("account:7")),
                Instant.parse("2010-01-01T00:00:00Z"),
                Instant.parse("2016-07-01T00:00:00Z")));
        p.putSubjectRecord(record(
                "contract-ongoing",
                RetentionPolicies.CONTRACT_DATA,
                List.of(SubjectIdentity.parse("account:8")),
                Instant.parse("2000-01-01T00:00:00Z"),
                null));
        // customer data: 2 years after
        p.putSubjectRecord(record(
                "customer-old",
                RetentionPolicies.CUSTOMER_DATA,
                List.of(oldCustomer),
                Instant.parse("2015-01-01T00:00:00Z"),
                Instant.parse("2024-05-01T00:00:00Z")));
        p.putSubjectRecord(record(
                "customer-recent",
                RetentionPolicies.CUSTOMER_DATA,
                List.of(SubjectIdentity.parse("account:9")),
                Instant.parse("2015-01-01T00:00:00Z"),
                Instant.parse("2024-07-01T00:00:00Z")));
        // prospects' marketing consent: 1 year
        p.putSubjectRecord(record(
                "prospect-old",
                RetentionPolicies.PROSPECT_MARKETING_CONSENT,
                List.of(prospect),
                Instant.parse("2025-05-01T00:00:00Z"),
                null));
        p.putSubjectRecord(record(
                "prospect-new",
                RetentionPolicies.PROSPECT_MARKETING_CONSENT,
                List.of(SubjectIdentity.parse("email:new@example.org")),
                Instant.parse("2025-07-01T00:00:00Z"),
                null));
        // behaviour events: 13 months
        p.putSubjectRecord(record(
                "events-old",
                RetentionPolicies.BEHAVIOUR_EVENTS,
                List.of(SubjectIdentity.parse("visitor:v1")),
                Instant.parse("2025-04-15T00:00:00Z"),
                null));
        p.putSubjectRecord(record(
                "events-new",
                RetentionPolicies.BEHAVIOUR_EVENTS,
                List.of(SubjectIdentity.parse("visitor:v2")),
                Instant.parse("2025-05-15T00:00:00Z"),
                null));
        TenantKeys keys = TenantKeys.stored(storage.privacy());
        ConsentLedger ledger = new ConsentLedger(
                storage.consents(), new AuditLog(storage.privacy(), keys, clock), new SubjectPseudonyms(keys), clock);
        clock.set(Instant.parse("2025-05-01T00:00:00Z"));
        ledger.grant(T, prospect, Purpose.MARKETING, "v1", ConsentMethod.FORM, "newsletter");
        ledger.withdraw(T, oldCustomer, Purpose.MARKETING, "v1", ConsentMethod.FORM, "unsubscribe");
        clock.set(NOW);
    }

    RetentionJob job(RetentionPolicies policies) {
        return RetentionJob.of(storage, policies, clock);
    }

    @Test
    void the_defaults_are_the_documented_periods() {
        RetentionPolicies d = RetentionPolicies.defaults();
        assertThat(d.policy("contractData").orElseThrow().period()).isEqualTo(Period.ofYears(10));
        assertThat(d.policy("customerData").orElseThrow().period()).isEqualTo(Period.ofYears(2));
        assertThat(d.policy("prospectMarketingConsent").orElseThrow().period()).isEqualTo(Period.ofYears(1));
        assertThat(d.policy("behaviourEvents").orElseThrow().period()).isEqualTo(Period.ofMonths(13));
    }

    @Test
    void a_dry_run_reports_what_is_due_and_changes_nothing() {
        RetentionReport report = job(RetentionPolicies.defaults()).dryRun(T);
        assertThat(report.dryRun()).isTrue();
        Map<String, List<String>> due = Map.of(
                "contractData", List.of("contract-old"),
                "customerData", List.of("customer-old"),
                "prospectMarketingConsent", List.of("prospect-old"),
                "behaviourEvents", List.of("events-old"));
        for (RetentionReport.Line l : report.lines()) {
            assertThat(l.recordIds()).as(l.category()).isEqualTo(due.get(l.category()));
        }
        assertThat(report.total()).isEqualTo(4);
        assertThat(storage.privacy().subjectRecords(T, List.of(oldCustomer))).hasSize(2);
        assertThat(storage.blobs().exists(T, invoice.sha256())).isTrue();
        assertThat(auditActions()).doesNotContain("retention.purge");
    }

    @Test
    void a_purge_deletes_due_records_files_and_orphaned_consents_audits_it_and_is_idempotent() {
        RetentionReport report = job(RetentionPolicies.defaults()).purge(T);
        assertThat(report.total()).isEqualTo(4);
        assertThat(storage.privacy().subjectRecords(T, List.of(oldCustomer, prospect)))
                .isEmpty();
        assertThat(storage.privacy().subjectRecords(T, RetentionPolicies.CONTRACT_DATA))
                .extracting(SubjectRecord::id)
                .containsExactlyInAnyOrder("contract-recent", "contract-ongoing");
        assertThat(storage.blobs().exists(T, invoice.sha256()))
                .as("the attached invoice goes too")
                .isFalse();
        assertThat(storage.consents().history(T, prospect)).isEmpty();
        assertThat(storage.privacy()
                        .consentResidue(
                                T, new SubjectPseudonyms(TenantKeys.stored(storage.privacy())).of(T, oldCustomer)))
                .as("the withdrawal stays as a pseudonymous fact")
                .hasSize(1);
        AuditEntry purge = storage.privacy().auditEntries(T, 0, 100).stream()
                .filter(e -> e.action().equals("retention.purge"))
                .findFirst()
                .orElseThrow();
        assertThat(purge.details()).contains("\"total\":4").doesNotContain("example.org");

        RetentionReport again = job(RetentionPolicies.defaults()).purge(T);
        assertThat(again.total()).as("a second run purges nothing more").isZero();
        assertThat(storage.privacy().subjectRecords(T, RetentionPolicies.CONTRACT_DATA))
                .hasSize(2);
    }

    @Test
    void configured_periods_override_the_defaults() {
        RetentionReport report = job(RetentionPolicies.defaults()
                        .withPeriods(Map.of("behaviourEvents", Period.ofMonths(1))))
                .dryRun(T);
        assertThat(report.lines().stream()
                        .filter(l -> l.category().equals("behaviourEvents"))
                        .findFirst()
                        .orElseThrow()
                        .recordIds())
                .containsExactly("events-new", "events-old");
    }

    private List<String> auditActions() {
        return storage.privacy().auditEntries(T, 0, 100).stream()
                .map(AuditEntry::action)
                .toList();
    }

    @Test
    void behaviour_events_older_than_13_months_are_purged_and_recent_ones_kept() {
        io.sitelens.model.ProjectKey site = new io.sitelens.model.ProjectKey(T, io.sitelens.model.ProjectId.of("www"));
        storage.projects()
                .put(io.sitelens.model.Project.builder(site, java.net.URI.create("https://www.example.org/"))
                        .build());
        for (Instant at :
                List.of(NOW.minus(java.time.Duration.ofDays(500)), NOW.minus(java.time.Duration.ofDays(10)))) {
            String id = "s-" + at.getEpochSecond();
            var session = new io.sitelens.spi.storage.VisitSession(
                    id, "v-" + id, null, at, at, 1, 1000, "/", null, null, null, null, null, null, null, null, null,
                    null, false);
            var event = new io.sitelens.spi.storage.BehaviourEvent(
                    at,
                    id,
                    "v-" + id,
                    null,
                    io.sitelens.spi.storage.BehaviourEvent.Kind.PAGE_VIEW,
                    "/",
                    null,
                    null,
                    0,
                    0,
                    1366,
                    768,
                    0);
            storage.behaviour().record(site, session, List.of(event));
        }
        RetentionReport dry = job(RetentionPolicies.defaults()).dryRun(T);
        assertThat(storage.behaviour().events(site, Instant.EPOCH, NOW, 100))
                .as("a dry run deletes nothing")
                .hasSize(2);
        assertThat(dry.lines()).allSatisfy(l -> assertThat(l.behaviourRows()).isZero());
        RetentionReport done = job(RetentionPolicies.defaults()).purge(T);
        assertThat(done.lines())
                .filteredOn(l -> l.category().equals(RetentionPolicies.BEHAVIOUR_EVENTS))
                .singleElement()
                .satisfies(l -> assertThat(l.behaviourRows()).isPositive());
        assertThat(storage.behaviour().events(site, Instant.EPOCH, NOW, 100))
                .singleElement()
                .satisfies(e -> assertThat(e.at()).isEqualTo(NOW.minus(java.time.Duration.ofDays(10))));
        assertThat(job(RetentionPolicies.defaults()).purge(T).lines())
                .as("idempotent")
                .allSatisfy(l -> assertThat(l.behaviourRows()).isZero());
    }
}
