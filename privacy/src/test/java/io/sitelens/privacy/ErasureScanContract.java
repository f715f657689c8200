package io.sitelens.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitelens.model.ConsentMethod;
import io.sitelens.model.DataSubject;
import io.sitelens.model.Purpose;
import io.sitelens.model.SubjectIdentity;
import io.sitelens.model.TenantId;
import io.sitelens.spi.consent.StrictOptInConsentPolicy;
import io.sitelens.spi.privacy.IdentityVerification;
import io.sitelens.spi.privacy.PrivacyRight;
import io.sitelens.spi.storage.BlobRef;
import io.sitelens.spi.storage.ConsentResidue;
import io.sitelens.spi.storage.StorageAdapter;
import io.sitelens.spi.storage.SubjectRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * End to end: a subject known everywhere sitelens stores things is erased; then a scan of every table (or map)
 * and every blob must find none of their identifiers, as written, lower-cased, as MD5/SHA-1/SHA-256 hex of the
 * normalised value, or (for addresses) as an integer. Only keyed pseudonyms stay. Run per store.
 */
abstract class ErasureScanContract {
    static final TenantId T = TenantId.of("acme");
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final String RAW_EMAIL = "Ana.Lima@Example.ORG";
    static final String IP = "203.0.113.77";
    static final DataSubject ANA = new DataSubject(List.of(
            SubjectIdentity.parse("email:" + RAW_EMAIL),
            SubjectIdentity.parse("account:CUS-4711"),
            SubjectIdentity.parse("visitor:v-8f3e2a91c4"),
            SubjectIdentity.parse("matomo-visitor:3fa2c9d81e0b7a64"),
            SubjectIdentity.parse("ga-client:1234567890.1700000000"),
            SubjectIdentity.parse("cookie:ck_77aa19")));
    static final SubjectIdentity BO = SubjectIdentity.parse("email:bo.bystander@example.net");

    protected StorageAdapter storage;
    protected final MutableClock clock = new MutableClock(NOW);
    protected PrivacyRequests requests;
    protected final FakeConnectorHandler matomo = new FakeConnectorHandler("matomo");

    /** A fresh, empty store. */
    protected abstract StorageAdapter newAdapter();

    /** Every value of every table (or map) and the bytes of every blob, as text. */
    protected abstract List<String> everythingStored() throws Exception;

    @BeforeEach
    void seedEverywhere() {
        storage = newAdapter();
        requests = PrivacyRequests.builder(storage)
                .handler(matomo)
                .clock(clock)
                .verifier((t, s, e) -> IdentityVerification.verified("signed-in-session"))
                .build();
        ConsentLedger ledger = new ConsentLedger(storage.consents(), requests.auditLog(), requests.pseudonyms(), clock);
        SubjectIdentity email = ANA.identities().get(0);
        SubjectIdentity visitor = ANA.identities().get(2);
        BlobRef contract = storage.blobs()
                .put(
                        T,
                        ("Contract between Acme and Ana Lima <" + RAW_EMAIL + ">, signed from " + IP)
                                .getBytes(StandardCharsets.UTF_8));
        storage.privacy()
                .putSubjectRecord(new SubjectRecord(
                        T,
                        "contact-1",
                        RetentionPolicies.CUSTOMER_DATA,
                        List.of(email, ANA.identities().get(1)),
                        Map.of("name", "Ana Lima", "email", RAW_EMAIL, "phone", "+351 21 555 0199", "signupIp", IP),
                        List.of(contract.sha256()),
                        NOW.minusSeconds(86400 * 400),
                        null));
        storage.privacy()
                .putSubjectRecord(new SubjectRecord(
                        T,
                        "prospect-9",
                        RetentionPolicies.PROSPECT_MARKETING_CONSENT,
                        List.of(visitor),
                        Map.of("visitorId", visitor.value(), "cookie", "ck_77aa19"),
                        List.of(),
                        NOW,
                        null));
        storage.privacy()
                .putSubjectRecord(new SubjectRecord(
                        T,
                        "contact-2",
                        RetentionPolicies.CUSTOMER_DATA,
                        List.of(BO),
                        Map.of("name", "Bo Bystander"),
                        List.of(),
                        NOW,
                        null));
        ledger.grant(T, email, Purpose.MARKETING, "v3", ConsentMethod.FORM, "newsletter");
        clock.set(NOW.plusSeconds(60));
        ledger.withdraw(T, email, Purpose.MARKETING, "v3", ConsentMethod.FORM, "unsubscribe-link");
        ledger.grant(T, visitor, Purpose.BEHAVIOUR_TRACKING, "v3", ConsentMethod.BANNER, "www.acme.example");
        ledger.grant(T, BO, Purpose.MARKETING, "v3", ConsentMethod.FORM, "newsletter");
        // earlier requests of the subject: their records hold identities and exported data until erasure
        PrivacyRequest access = requests.receive(T, PrivacyRight.ACCESS, ANA);
        requests.verifyIdentity(T, access.id(), Map.of());
        requests.execute(T, access.id());
        PrivacyRequest rect = requests.receiveRectification(T, ANA, Map.of("phone", "+351 21 555 0100"));
        requests.verifyIdentity(T, rect.id(), Map.of());
        requests.execute(T, rect.id());
        PrivacyRequest restrict = requests.receive(T, PrivacyRight.RESTRICTION, ANA);
        requests.verifyIdentity(T, restrict.id(), Map.of());
        requests.execute(T, restrict.id());
        PrivacyRequest object = requests.receiveObjection(T, ANA, Set.of(Purpose.ANALYTICS));
        requests.verifyIdentity(T, object.id(), Map.of());
        requests.execute(T, object.id());
    }

    @AfterEach
    void close() {
        if (storage != null) {
            storage.close();
        }
    }

    private PrivacyRequest erase() {
        clock.set(NOW.plusSeconds(3600));
        PrivacyRequest r = requests.receive(T, PrivacyRight.ERASURE, ANA);
        requests.verifyIdentity(T, r.id(), Map.of());
        return requests.execute(T, r.id());
    }

    /** Every form an identifier could be found in: as written, lower-cased, hashed, an address as integer. */
    static Map<String, String> forms(String label, String written) throws Exception {
        Map<String, String> f = new LinkedHashMap<>();
        String normalised = written.trim().toLowerCase(Locale.ROOT);
        f.put(label + " as written", written);
        f.put(label + " lower-cased", normalised);
        for (String alg : List.of("MD5", "SHA-1", "SHA-256")) {
            f.put(
                    label + " as " + alg + " hex",
                    HexFormat.of()
                            .formatHex(MessageDigest.getInstance(alg)
                                    .digest(normalised.getBytes(StandardCharsets.UTF_8))));
        }
        return f;
    }

    static Map<String, String> identifiersOfAna() throws Exception {
        Map<String, String> f = new LinkedHashMap<>();
        f.putAll(forms("email", RAW_EMAIL));
        for (SubjectIdentity i : ANA.identities().subList(1, ANA.identities().size())) {
            f.putAll(forms(i.type().prefix(), i.value()));
        }
        f.putAll(forms("name", "Ana Lima"));
        f.putAll(forms("phone", "+351 21 555 0100"));
        f.putAll(forms("ip", IP));
        long asInt = 0;
        for (String part : IP.split("\\.")) {
            asInt = asInt * 256 + Integer.parseInt(part);
        }
        f.put("ip as integer", Long.toString(asInt));
        return f;
    }

    private List<String> found(List<String> stored, Map<String, String> forms) {
        List<String> hits = new ArrayList<>();
        List<String> lower =
                stored.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        forms.forEach((label, value) -> {
            String v = value.toLowerCase(Locale.ROOT);
            if (lower.stream().anyMatch(s -> s.contains(v))) {
                hits.add(label);
            }
        });
        return hits;
    }

    @Test
    void before_erasure_the_scan_finds_the_subject_so_it_can_fail() throws Exception {
        assertThat(found(everythingStored(), identifiersOfAna()))
                .contains(
                        "email as written",
                        "account lower-cased",
                        "visitor as written",
                        "ip as written",
                        "name as written");
    }

    @Test
    void after_erasure_no_table_or_blob_holds_any_form_of_the_subjects_identifiers() throws Exception {
        PrivacyRequest r = erase();
        assertThat(r.state()).isEqualTo(RequestState.COMPLETED);
        assertThat(matomo.calls)
                .as("erasure propagates to connectors' handlers")
                .contains("erase");
        List<String> stored = everythingStored();
        assertThat(found(stored, identifiersOfAna()))
                .as("identifiers of the erased subject still found in the store")
                .isEmpty();
        assertThat(found(stored, forms("bystander", BO.value())))
                .as("another person's data must stay")
                .contains("bystander as written");
    }

    @Test
    void the_residue_is_the_request_record_the_audit_entries_and_withdrawn_consents_under_pseudonyms()
            throws Exception {
        PrivacyRequest r = erase();
        PrivacyRequest kept = requests.get(T, r.id()).orElseThrow();
        assertThat(kept.identities()).isEmpty();
        assertThat(kept.pseudonyms()).isEqualTo(requests.pseudonyms().of(T, ANA));
        assertThat(requests.list(T))
                .as("earlier requests of the subject keep only pseudonyms too")
                .allMatch(x -> x.identities().isEmpty()
                        && x.items().isEmpty()
                        && x.corrections().isEmpty());
        String emailPseudonym = requests.pseudonyms().of(T, ANA.identities().get(0));
        assertThat(storage.privacy().consentResidue(T, emailPseudonym))
                .extracting(ConsentResidue::purpose)
                .as("the withdrawn marketing consent is remembered; the behaviour grant is gone")
                .containsExactly(Purpose.MARKETING);
        assertThat(storage.consents().history(T, ANA.identities().get(0))).isEmpty();
        assertThat(storage.privacy().restricted(T, emailPseudonym)).isFalse();
        assertThat(requests.auditLog().verify(T, null).valid()).isTrue();
        ProcessingGate gate = new ProcessingGate(
                storage.privacy(), requests.pseudonyms(), new StrictOptInConsentPolicy(storage.consents()));
        assertThat(gate.decideWithoutConsent(T, ANA.identities().get(0), Purpose.ANALYTICS)
                        .allowed())
                .as("an objection stays (by pseudonym) when the subject comes back")
                .isFalse();
        PrivacyRequest again = requests.receive(T, PrivacyRight.ACCESS, ANA);
        requests.verifyIdentity(T, again.id(), Map.of());
        PrivacyRequest done = requests.execute(T, again.id());
        assertThat(done.items().get("storage"))
                .as("access after erasure finds only the objection kept under the pseudonym")
                .extracting(io.sitelens.spi.privacy.ExportedItem::category)
                .containsExactly("processing-restriction");
    }

    @Test
    void erasing_twice_does_no_harm() throws Exception {
        erase();
        PrivacyRequest again = requests.receive(T, PrivacyRight.ERASURE, ANA);
        requests.verifyIdentity(T, again.id(), Map.of());
        assertThat(requests.execute(T, again.id()).state()).isEqualTo(RequestState.COMPLETED);
        assertThat(found(everythingStored(), identifiersOfAna())).isEmpty();
    }
}
