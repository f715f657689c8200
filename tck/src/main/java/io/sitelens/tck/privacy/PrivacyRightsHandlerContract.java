package io.sitelens.tck.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.sitelens.model.DataSubject;
import io.sitelens.model.ProjectKey;
import io.sitelens.model.Purpose;
import io.sitelens.model.SubjectIdentity;
import io.sitelens.model.TenantId;
import io.sitelens.spi.privacy.ExportedItem;
import io.sitelens.spi.privacy.HandlerResult;
import io.sitelens.spi.privacy.HandlerResult.Status;
import io.sitelens.spi.privacy.PrivacyRequestContext;
import io.sitelens.spi.privacy.PrivacyRight;
import io.sitelens.spi.privacy.PrivacyRightsHandler;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link PrivacyRightsHandler} keeps (ours, the connectors', plugins'). Extend it, return a
 * handler over a system the test controls (a store, a local stub of the provider) from {@link #handler()},
 * and make {@link #seedKnownSubject()} put data about {@link #knownSubject()} into that system. Rules that
 * concern rights the handler does not declare are skipped for it.
 */
public abstract class PrivacyRightsHandlerContract {

    protected PrivacyRightsHandler handler;

    /** A handler over the test's system. Called before every test, after a fresh system is made. */
    protected abstract PrivacyRightsHandler handler();

    /** A subject the system knows once {@link #seedKnownSubject()} has run. */
    protected abstract DataSubject knownSubject();

    /** Puts data about {@link #knownSubject()} into the system. Called before every test. */
    protected abstract void seedKnownSubject();

    /** A subject the system has never seen. */
    protected DataSubject unknownSubject() {
        List<SubjectIdentity> ids = knownSubject().identities().stream()
                .map(i -> new SubjectIdentity(i.type(), "unknown-" + i.value().hashCode() + "-x"))
                .toList();
        return new DataSubject(ids);
    }

    /** For external systems whose erasure cannot be checked through access (GA4). */
    protected boolean erasureIsVisibleThroughAccess() {
        return true;
    }

    protected PrivacyRequestContext request(String id) {
        return new PrivacyRequestContext() {
            @Override
            public TenantId tenant() {
                return TenantId.of("tck-tenant");
            }

            @Override
            public Optional<ProjectKey> project() {
                return Optional.of(ProjectKey.of("tck-tenant", "tck-project"));
            }

            @Override
            public String requestId() {
                return id;
            }

            @Override
            public Clock clock() {
                return Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);
            }
        };
    }

    @BeforeEach
    void open() {
        handler = handler();
        seedKnownSubject();
    }

    private boolean supports(PrivacyRight right) {
        return handler.supportedRights().contains(right);
    }

    private void assertNoIdentifierIn(HandlerResult r) {
        for (SubjectIdentity i : knownSubject().identities()) {
            assertThat(r.message())
                    .as("a result message is kept in the request record; it must not contain the subject's "
                            + i.type().prefix() + " identifier")
                    .doesNotContain(i.value());
        }
    }

    @Nested
    class Declarations {
        @Test
        void the_handler_has_an_id_and_declares_rights_and_identity_types() {
            assertThat(handler.id()).matches("[a-z][a-z0-9-]*");
            assertThat(handler.supportedRights())
                    .as("a handler supports at least one right")
                    .isNotEmpty();
            assertThat(handler.identityTypes())
                    .as("a handler looks subjects up by at least one identity type")
                    .isNotEmpty();
        }

        @Test
        void rights_it_does_not_support_answer_unsupported_instead_of_throwing() {
            Set<PrivacyRight> missing = EnumSet.complementOf(EnumSet.copyOf(handler.supportedRights()));
            for (PrivacyRight right : missing) {
                HandlerResult r = call(right, knownSubject(), "unsupported-" + right);
                assertThat(r.status())
                        .as(right + " is not declared, so it must answer UNSUPPORTED")
                        .isEqualTo(Status.UNSUPPORTED);
                assertThat(r.handlerId()).isEqualTo(handler.id());
            }
        }
    }

    @Nested
    class Access {
        @Test
        void access_to_a_known_subject_exports_their_records() {
            assumeThat(supports(PrivacyRight.ACCESS))
                    .as("handler declares ACCESS")
                    .isTrue();
            HandlerResult r = handler.access(request("access-1"), knownSubject());
            assertThat(r.status()).isEqualTo(Status.DONE);
            assertThat(r.items()).as("the seeded data must be exported").isNotEmpty();
            assertThat(r.affected()).isEqualTo(r.items().size());
            for (ExportedItem i : r.items()) {
                assertThat(i.category()).isNotBlank();
                assertThat(i.source()).isNotBlank();
            }
            assertNoIdentifierIn(r);
        }

        @Test
        void access_to_an_unknown_subject_is_not_found_not_an_error() {
            assumeThat(supports(PrivacyRight.ACCESS))
                    .as("handler declares ACCESS")
                    .isTrue();
            HandlerResult r = handler.access(request("access-2"), unknownSubject());
            assertThat(r.status()).isEqualTo(Status.NOT_FOUND);
            assertThat(r.items()).isEmpty();
        }

        @Test
        void portability_is_the_subset_of_access_the_subject_provided_or_generated() {
            assumeThat(supports(PrivacyRight.PORTABILITY) && supports(PrivacyRight.ACCESS))
                    .as("handler declares PORTABILITY and ACCESS")
                    .isTrue();
            List<ExportedItem> all =
                    handler.access(request("p-1"), knownSubject()).items();
            List<ExportedItem> portable =
                    handler.portability(request("p-2"), knownSubject()).items();
            assertThat(all).containsAll(portable);
            assertThat(portable).allMatch(ExportedItem::providedBySubject);
        }
    }

    @Nested
    class Erasure {
        @Test
        void erasing_a_known_subject_removes_their_data() {
            assumeThat(supports(PrivacyRight.ERASURE))
                    .as("handler declares ERASURE")
                    .isTrue();
            HandlerResult r = handler.erase(request("erase-1"), knownSubject());
            assertThat(r.status()).isEqualTo(Status.DONE);
            assertThat(r.affected()).as("erasure reports what it removed").isPositive();
            assertNoIdentifierIn(r);
            if (supports(PrivacyRight.ACCESS) && erasureIsVisibleThroughAccess()) {
                assertThat(handler.access(request("erase-1-check"), knownSubject())
                                .status())
                        .as("after erasure, access must find nothing")
                        .isEqualTo(Status.NOT_FOUND);
            }
        }

        @Test
        void erasing_twice_does_no_harm() {
            assumeThat(supports(PrivacyRight.ERASURE))
                    .as("handler declares ERASURE")
                    .isTrue();
            handler.erase(request("erase-2"), knownSubject());
            HandlerResult again = handler.erase(request("erase-2"), knownSubject());
            assertThat(again.status())
                    .as("a repeated erasure succeeds or finds nothing left")
                    .isIn(Status.DONE, Status.NOT_FOUND);
        }

        @Test
        void erasing_an_unknown_subject_is_not_found_or_a_no_op() {
            assumeThat(supports(PrivacyRight.ERASURE))
                    .as("handler declares ERASURE")
                    .isTrue();
            HandlerResult r = handler.erase(request("erase-3"), unknownSubject());
            assertThat(r.status()).isIn(Status.NOT_FOUND, Status.DONE);
            if (r.status() == Status.DONE) {
                assertThat(r.affected()).isZero();
            }
        }
    }

    @Nested
    class RestrictionAndObjection {
        @Test
        void restricting_and_lifting_are_idempotent() {
            assumeThat(supports(PrivacyRight.RESTRICTION))
                    .as("handler declares RESTRICTION")
                    .isTrue();
            assertThat(handler.restrict(request("r-1"), knownSubject(), true).status())
                    .isEqualTo(Status.DONE);
            assertThat(handler.restrict(request("r-1"), knownSubject(), true).status())
                    .isEqualTo(Status.DONE);
            assertThat(handler.restrict(request("r-2"), knownSubject(), false).status())
                    .isEqualTo(Status.DONE);
        }

        @Test
        void objection_to_marketing_is_always_honoured() {
            assumeThat(supports(PrivacyRight.OBJECTION))
                    .as("handler declares OBJECTION")
                    .isTrue();
            HandlerResult r = handler.object(request("o-1"), knownSubject(), Purpose.MARKETING);
            assertThat(r.status()).isIn(Status.DONE, Status.NOT_FOUND);
            assertNoIdentifierIn(r);
        }

        @Test
        void rectification_changes_the_stored_value() {
            assumeThat(supports(PrivacyRight.RECTIFICATION) && supports(PrivacyRight.ACCESS))
                    .as("handler declares RECTIFICATION and ACCESS")
                    .isTrue();
            Map<String, String> corrections = rectification();
            assumeThat(corrections).as("the test names a field to rectify").isNotEmpty();
            HandlerResult r = handler.rectify(request("rect-1"), knownSubject(), corrections);
            assertThat(r.status()).isEqualTo(Status.DONE);
            List<ExportedItem> after = handler.access(request("rect-1-check"), subjectAfterRectification())
                    .items();
            corrections.forEach((field, value) -> assertThat(after)
                    .as("after rectification some record carries " + field + "=" + value)
                    .anyMatch(i -> value.equals(i.fields().get(field))));
        }
    }

    /** A field → new value the handler can rectify for the known subject (empty: skip that rule). */
    protected Map<String, String> rectification() {
        return Map.of();
    }

    /** How the subject is known after {@link #rectification()} (changing an e-mail address changes it). */
    protected DataSubject subjectAfterRectification() {
        return knownSubject();
    }

    private HandlerResult call(PrivacyRight right, DataSubject s, String id) {
        PrivacyRequestContext ctx = request(id);
        return switch (right) {
            case ACCESS -> handler.access(ctx, s);
            case PORTABILITY -> handler.portability(ctx, s);
            case RECTIFICATION -> handler.rectify(ctx, s, Map.of("name", "x"));
            case ERASURE -> handler.erase(ctx, s);
            case RESTRICTION -> handler.restrict(ctx, s, true);
            case OBJECTION -> handler.object(ctx, s, Purpose.MARKETING);
        };
    }
}
