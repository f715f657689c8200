package io.sitelens.connector.mailchimp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.connector.mailchimp.internal.MemberHash;
import io.sitelens.model.DataSubject;
import io.sitelens.model.Purpose;
import io.sitelens.model.SubjectIdentity;
import io.sitelens.spi.HttpSettings;
import io.sitelens.spi.privacy.ExportedItem;
import io.sitelens.spi.privacy.HandlerResult;
import io.sitelens.spi.privacy.HandlerResult.Status;
import io.sitelens.spi.privacy.PrivacyRightsHandler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The handler against a local Mailchimp stub: a member in two of three audiences, and faults. */
class MailchimpPrivacyHandlerIT {
    static final String NEWSLETTER = "a1b2c3d4e5";
    static final String CUSTOMERS = "f6e5d4c3b2";
    static final String EVENTS = "0a9b8c7d6e";
    static final String ANA = "ana@example.org";
    static final DataSubject ANA_SUBJECT = DataSubject.of(SubjectIdentity.parse("email:" + ANA));
    static final DataSubject BOB = DataSubject.of(SubjectIdentity.parse("email:bob@example.org"));

    final MailchimpStub stub = new MailchimpStub()
            .list(NEWSLETTER, "Newsletter")
            .list(CUSTOMERS, "Customers")
            .list(EVENTS, "Events")
            .member(NEWSLETTER, ANA, "subscribed")
            .member(CUSTOMERS, ANA, "pending");
    final TestContext context = new TestContext();
    MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.setDispatcher(stub);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    PrivacyRightsHandler handler(Map<String, String> extra) {
        return Handlers.against(server, MailchimpStub.KEY, context, extra);
    }

    PrivacyRightsHandler handler() {
        return handler(Map.of());
    }

    static void assertNoAddressIn(HandlerResult r) {
        assertThat(r.message()).doesNotContain(ANA).doesNotContain(MemberHash.of(ANA));
    }

    @Nested
    class Access {
        @Test
        void a_member_of_two_lists_is_exported_per_list_with_data_and_status() {
            HandlerResult r = handler().access(new TestRequest("r1"), ANA_SUBJECT);

            assertThat(r.status()).isEqualTo(Status.DONE);
            assertThat(r.items()).hasSize(4);
            assertThat(r.affected()).isEqualTo(4);
            List<ExportedItem> contacts = r.items().stream()
                    .filter(i -> i.category().equals("contact"))
                    .toList();
            assertThat(contacts)
                    .extracting(ExportedItem::source)
                    .containsExactly("mailchimp/lists/" + NEWSLETTER, "mailchimp/lists/" + CUSTOMERS);
            assertThat(contacts).extracting(i -> i.fields().get("status")).containsExactly("subscribed", "pending");
            assertThat(contacts).allSatisfy(i -> {
                assertThat(i.fields()).containsEntry("email_address", ANA).containsEntry("merge_fields.FNAME", "Ana");
                assertThat(i.fields()).containsEntry("merge_fields.ADDRESS.city", "Lisboa");
                assertThat(i.providedBySubject()).isTrue();
            });
            assertThat(contacts.get(0).fields()).containsEntry("list_name", "Newsletter");
            ExportedItem profile = r.items().stream()
                    .filter(i -> i.category().equals("marketing-profile"))
                    .findFirst()
                    .orElseThrow();
            assertThat(profile.providedBySubject()).isFalse();
            assertThat(profile.fields())
                    .containsEntry("ip_signup", "198.51.100.23")
                    .containsEntry("location.country_code", "PT")
                    .containsEntry("tags.0.name", "newsletter-2025")
                    .doesNotContainKey("_links.0.href");
            assertThat(r.message()).contains(NEWSLETTER + " (Newsletter) [subscribed]", CUSTOMERS);
            assertNoAddressIn(r);
        }

        @Test
        void lookups_use_the_md5_of_the_lower_cased_address_in_every_list() {
            handler().access(new TestRequest("r1"), DataSubject.of(SubjectIdentity.parse("email:Ana@Example.ORG")));

            String hash = MemberHash.of(ANA);
            assertThat(stub.requestLines())
                    .contains(
                            "GET /3.0/lists/" + NEWSLETTER + "/members/" + hash,
                            "GET /3.0/lists/" + CUSTOMERS + "/members/" + hash,
                            "GET /3.0/lists/" + EVENTS + "/members/" + hash);
            assertThat(stub.requestLines())
                    .anyMatch(l -> l.startsWith("GET /3.0/search-members?query=ana%40example.org"));
        }

        @Test
        void portability_keeps_what_the_subject_provided() {
            HandlerResult r = handler().portability(new TestRequest("r2"), ANA_SUBJECT);
            assertThat(r.items()).hasSize(2).allMatch(i -> i.category().equals("contact"));
        }

        @Test
        void someone_in_no_list_is_not_found_which_is_not_an_error() {
            HandlerResult r = handler().access(new TestRequest("r3"), BOB);
            assertThat(r.status()).isEqualTo(Status.NOT_FOUND);
            assertThat(r.items()).isEmpty();
            assertThat(r.message()).contains("3 Mailchimp lists searched");
        }

        @Test
        void configured_lists_are_the_whole_scope_and_the_address_is_not_searched() {
            HandlerResult r = handler(Map.of("lists", CUSTOMERS)).access(new TestRequest("r4"), ANA_SUBJECT);
            assertThat(r.items()).extracting(ExportedItem::source).containsOnly("mailchimp/lists/" + CUSTOMERS);
            assertThat(stub.requestLines())
                    .containsExactly("GET /3.0/lists/" + CUSTOMERS + "/members/" + MemberHash.of(ANA));
        }

        @Test
        void audiences_are_discovered_page_by_page_with_count_and_offset() {
            handler(Map.of("pageSize", "2")).access(new TestRequest("r5"), BOB);
            assertThat(stub.requestLines())
                    .filteredOn(l -> l.startsWith("GET /3.0/lists?"))
                    .hasSize(2)
                    .anyMatch(l -> l.contains("count=2") && l.contains("offset=0"))
                    .anyMatch(l -> l.contains("count=2") && l.contains("offset=2"));
        }

        @Test
        void beyond_the_discovery_bound_search_still_finds_the_member() {
            stub.member(EVENTS, "carol@example.org", "subscribed");
            HandlerResult r = handler(Map.of("maxLists", "2", "pageSize", "1"))
                    .access(new TestRequest("r6"), DataSubject.of(SubjectIdentity.parse("email:carol@example.org")));
            assertThat(stub.requestLines())
                    .filteredOn(l -> l.startsWith("GET /3.0/lists?"))
                    .hasSize(2);
            assertThat(r.status()).isEqualTo(Status.DONE);
            assertThat(r.items()).extracting(ExportedItem::source).containsOnly("mailchimp/lists/" + EVENTS);
        }
    }

    @Nested
    class Objection {
        @Test
        void objection_to_marketing_unsubscribes_the_member_in_every_list() {
            HandlerResult r = handler().object(new TestRequest("o1"), ANA_SUBJECT, Purpose.MARKETING);

            assertThat(r.status()).isEqualTo(Status.DONE);
            assertThat(r.affected()).isEqualTo(2);
            assertThat(stub.stored(NEWSLETTER, ANA).get("status").asText()).isEqualTo("unsubscribed");
            assertThat(stub.stored(CUSTOMERS, ANA).get("status").asText()).isEqualTo("unsubscribed");
            assertThat(stub.requestLines())
                    .filteredOn(l -> l.startsWith("PATCH"))
                    .hasSize(2);
            assertThat(stub.bodies()).contains("{\"status\":\"unsubscribed\"}");
            assertThat(r.message()).startsWith("unsubscribed in 2 lists");
            assertNoAddressIn(r);
        }

        @Test
        void members_who_already_get_no_marketing_are_left_as_they_are() {
            stub.member(CUSTOMERS, ANA, "cleaned");
            HandlerResult r = handler().object(new TestRequest("o2"), ANA_SUBJECT, Purpose.MARKETING);
            assertThat(r.affected()).isEqualTo(1);
            assertThat(stub.stored(CUSTOMERS, ANA).get("status").asText()).isEqualTo("cleaned");
            assertThat(r.message())
                    .contains("already receives no marketing in 1 list: " + CUSTOMERS + " (Customers) [cleaned]");

            HandlerResult again = handler().object(new TestRequest("o2"), ANA_SUBJECT, Purpose.MARKETING);
            assertThat(again.status()).isEqualTo(Status.DONE);
            assertThat(again.affected()).isZero();
        }

        @Test
        void objection_to_another_purpose_changes_nothing() {
            HandlerResult r = handler().object(new TestRequest("o3"), ANA_SUBJECT, Purpose.ANALYTICS);
            assertThat(r.affected()).isZero();
            assertThat(stub.requestLines()).isEmpty();
        }

        @Test
        void objection_for_someone_in_no_list_is_not_found() {
            assertThat(handler()
                            .object(new TestRequest("o4"), BOB, Purpose.MARKETING)
                            .status())
                    .isEqualTo(Status.NOT_FOUND);
        }
    }

    @Nested
    class Erasure {
        @Test
        void erasure_deletes_permanently_in_every_list_and_reports_each() {
            PrivacyRightsHandler h = handler();
            HandlerResult r = h.erase(new TestRequest("e1"), ANA_SUBJECT);

            assertThat(r.status()).isEqualTo(Status.DONE);
            assertThat(r.affected()).isEqualTo(2);
            String hash = MemberHash.of(ANA);
            assertThat(stub.requestLines())
                    .contains(
                            "POST /3.0/lists/" + NEWSLETTER + "/members/" + hash + "/actions/delete-permanent",
                            "POST /3.0/lists/" + CUSTOMERS + "/members/" + hash + "/actions/delete-permanent");
            assertThat(r.message())
                    .contains("permanently deleted (irreversible) in 2 lists", NEWSLETTER + " (Newsletter)", CUSTOMERS);
            assertNoAddressIn(r);
            assertThat(stub.memberCount(NEWSLETTER)).isZero();
            assertThat(h.access(new TestRequest("e1-check"), ANA_SUBJECT).status())
                    .isEqualTo(Status.NOT_FOUND);
        }

        @Test
        void a_list_that_keeps_failing_makes_the_result_failed_and_a_retry_finishes_the_job() {
            stub.failOn("POST", "/lists/" + CUSTOMERS + "/", 3, MailchimpStub.problem(503, "error-500.synthetic.json"));
            PrivacyRightsHandler h = handler(Map.of("maxAttempts", "3"));

            HandlerResult first = h.erase(new TestRequest("e2"), ANA_SUBJECT);
            assertThat(first.status()).isEqualTo(Status.FAILED);
            assertThat(first.affected()).isEqualTo(1);
            assertThat(first.message())
                    .contains("permanently deleted (irreversible) in 1 list: " + NEWSLETTER)
                    .contains("FAILED in 1 list", CUSTOMERS, "HTTP 503", "after 3 attempts");
            assertNoAddressIn(first);

            HandlerResult retry = h.erase(new TestRequest("e2"), ANA_SUBJECT);
            assertThat(retry.status()).isEqualTo(Status.DONE);
            assertThat(retry.affected()).isEqualTo(1);
            assertThat(stub.memberCount(CUSTOMERS)).isZero();
        }

        @Test
        void erasing_someone_in_no_list_is_not_found() {
            HandlerResult r = handler().erase(new TestRequest("e3"), BOB);
            assertThat(r.status()).isEqualTo(Status.NOT_FOUND);
            assertThat(stub.requestLines()).noneMatch(l -> l.startsWith("POST"));
        }
    }

    @Nested
    class Rectification {
        @Test
        void the_address_and_merge_fields_are_corrected_in_every_list() {
            Map<String, String> corrections = new LinkedHashMap<>();
            corrections.put("email_address", "ana.pereira@example.org");
            corrections.put("merge_fields.FNAME", "Ana Maria");
            corrections.put("name", "Ana Maria Pereira");
            PrivacyRightsHandler h = handler();

            HandlerResult r = h.rectify(new TestRequest("c1"), ANA_SUBJECT, corrections);

            assertThat(r.status()).isEqualTo(Status.DONE);
            assertThat(r.affected()).isEqualTo(2);
            assertThat(r.message()).contains("rectified in 2 lists", "ignored: name");
            assertNoAddressIn(r);
            assertThat(h.access(new TestRequest("c1-old"), ANA_SUBJECT).status())
                    .isEqualTo(Status.NOT_FOUND);
            HandlerResult after = h.access(
                    new TestRequest("c1-new"), DataSubject.of(SubjectIdentity.parse("email:ana.pereira@example.org")));
            assertThat(after.items())
                    .filteredOn(i -> i.category().equals("contact"))
                    .hasSize(2)
                    .allSatisfy(i -> assertThat(i.fields())
                            .containsEntry("merge_fields.FNAME", "Ana Maria")
                            .containsEntry("merge_fields.LNAME", "Pereira"));
        }

        @Test
        void a_taken_address_fails_for_that_list_without_echoing_mailchimps_detail() {
            stub.member(NEWSLETTER, "ana.pereira@example.org", "subscribed");
            HandlerResult r = handler()
                    .rectify(new TestRequest("c2"), ANA_SUBJECT, Map.of("email_address", "ana.pereira@example.org"));
            assertThat(r.status()).isEqualTo(Status.FAILED);
            assertThat(r.affected()).isEqualTo(1);
            assertThat(r.message())
                    .contains("HTTP 400: Member Exists", NEWSLETTER)
                    .doesNotContain("ana.pereira");
        }

        @Test
        void a_new_address_that_is_not_one_is_refused_before_any_call() {
            assertThatThrownBy(() ->
                            handler().rectify(new TestRequest("c3"), ANA_SUBJECT, Map.of("email", "not an address")))
                    .isInstanceOfSatisfying(SitelensException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_INPUT);
                        assertThat(e.getMessage()).doesNotContain("not an address");
                    });
            assertThat(stub.requestLines()).isEmpty();
        }
    }

    @Nested
    class Faults {
        @Test
        void a_429_is_retried_after_retry_after_and_then_succeeds() {
            stub.fail(1, MailchimpStub.tooManyRequests(1));
            long start = System.nanoTime();

            HandlerResult r = handler().access(new TestRequest("f1"), ANA_SUBJECT);

            assertThat(r.status()).isEqualTo(Status.DONE);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            assertThat(stub.requestLines()).hasSize(6); // lists (429, then again), search, three members
            assertThat(context.apiCalls.get()).as("every attempt is metered").isEqualTo(6);
        }

        @Test
        void an_invalid_key_is_an_authentication_error_naming_the_data_centre_not_the_key() {
            stub.acceptKey("ffffffffffffffffffffffffffffffff-us6");
            assertThatThrownBy(() -> handler().access(new TestRequest("f2"), ANA_SUBJECT))
                    .isInstanceOfSatisfying(SitelensException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
                        assertThat(e.retryable()).isFalse();
                        assertThat(e.getMessage())
                                .contains("data centre us6", "API Key Invalid", "apiKey")
                                .doesNotContain(MailchimpStub.KEY)
                                .doesNotContain("0123456789abcdef");
                    });
            assertThat(stub.requestLines()).as("a refused key is not retried").hasSize(1);
        }

        @Test
        void persistent_server_errors_stop_after_the_bounded_attempts() {
            stub.fail(10, MailchimpStub.problem(500, "error-500.synthetic.json"));
            assertThatThrownBy(() -> handler(Map.of("maxAttempts", "3")).access(new TestRequest("f3"), ANA_SUBJECT))
                    .isInstanceOfSatisfying(SitelensException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(ErrorCode.EXTERNAL_UNAVAILABLE);
                        assertThat(e.retryable()).isTrue();
                        assertThat(e.getMessage()).contains("HTTP 500", "after 3 attempts");
                    });
            assertThat(stub.requestLines()).hasSize(3);
        }

        @Test
        void a_server_that_does_not_answer_times_out_within_the_limits() {
            stub.fail(
                    2,
                    new MockResponse.Builder()
                            .headersDelay(10, TimeUnit.SECONDS)
                            .body("{}")
                            .build());
            TestContext slow = new TestContext(HttpSettings.DEFAULTS.withTimeouts(
                    Duration.ofSeconds(1), Duration.ofMillis(300), Duration.ofSeconds(5)));
            PrivacyRightsHandler h = Handlers.against(server, MailchimpStub.KEY, slow, Map.of("maxAttempts", "2"));
            long start = System.nanoTime();
            assertThatThrownBy(() -> h.access(new TestRequest("f4"), ANA_SUBJECT))
                    .isInstanceOfSatisfying(SitelensException.class, e -> assertThat(e.errorCode())
                            .isEqualTo(ErrorCode.EXTERNAL_TIMEOUT));
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .as("two attempts of 300 ms read timeout, not the 10 s the server stalls")
                    .isLessThan(Duration.ofSeconds(8));
        }

        @Test
        void the_key_travels_only_as_the_basic_auth_password() {
            handler().access(new TestRequest("f5"), ANA_SUBJECT);
            String expected = "Basic "
                    + Base64.getEncoder()
                            .encodeToString(("sitelens:" + MailchimpStub.KEY).getBytes(StandardCharsets.UTF_8));
            assertThat(stub.authorizations()).isNotEmpty().containsOnly(expected);
            assertThat(stub.requestLines()).noneMatch(l -> l.contains("0123456789abcdef"));
            assertThat(stub.bodies()).noneMatch(b -> b.contains("0123456789abcdef"));
        }
    }
}
