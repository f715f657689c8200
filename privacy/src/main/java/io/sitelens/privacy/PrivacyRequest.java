package io.sitelens.privacy;

import static java.util.Objects.requireNonNull;

import io.sitelens.model.DataSubject;
import io.sitelens.model.Purpose;
import io.sitelens.model.SubjectIdentity;
import io.sitelens.model.TenantId;
import io.sitelens.spi.privacy.ExportedItem;
import io.sitelens.spi.privacy.PrivacyRight;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A data-subject request as recorded.
 *
 * @param identities the subject's identities; emptied once an erasure is completed (then only
 *     {@link #pseudonyms()} name the subject)
 * @param receivedAt when the request was received; the deadline is one month later, plus extensions
 * @param extensions at most two months in all, each with its reason
 * @param verificationMethod how the identity was verified, or null before
 * @param refusalReason why it was refused, or null
 * @param corrections field → new value, for rectification
 * @param purposes the purposes objected to, for objection
 * @param lift for restriction: true when the request lifts a restriction
 * @param outcomes handler id → its latest outcome
 * @param items handler id → the items it exported (access, portability); emptied by erasure
 */
public record PrivacyRequest(
        TenantId tenant,
        String id,
        PrivacyRight right,
        RequestState state,
        List<SubjectIdentity> identities,
        Set<String> pseudonyms,
        Instant receivedAt,
        List<DeadlineExtension> extensions,
        @Nullable String verificationMethod,
        @Nullable String refusalReason,
        Map<String, String> corrections,
        Set<Purpose> purposes,
        boolean lift,
        Map<String, HandlerOutcome> outcomes,
        Map<String, List<ExportedItem>> items,
        @Nullable Instant completedAt) {

    public PrivacyRequest {
        requireNonNull(tenant, "tenant");
        requireNonNull(id, "id");
        requireNonNull(right, "right");
        requireNonNull(state, "state");
        identities = List.copyOf(identities);
        pseudonyms = Set.copyOf(pseudonyms);
        requireNonNull(receivedAt, "receivedAt");
        extensions = List.copyOf(extensions);
        corrections = Map.copyOf(corrections);
        purposes = Set.copyOf(purposes);
        outcomes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outcomes));
        items = Map.copyOf(items);
    }

    /** One month after receipt, plus the extensions' months (UTC calendar months). */
    public Instant deadline() {
        int months = 1 + extensions.stream().mapToInt(DeadlineExtension::months).sum();
        return receivedAt.atOffset(ZoneOffset.UTC).plusMonths(months).toInstant();
    }

    /** The subject, while its identities are kept (empty once an erasure has been completed). */
    public Optional<DataSubject> subject() {
        return identities.isEmpty() ? Optional.empty() : Optional.of(new DataSubject(identities));
    }

    public boolean overdue(Instant now) {
        return !state.isFinal() && now.isAfter(deadline());
    }

    PrivacyRequest with(RequestState newState) {
        return new PrivacyRequest(
                tenant,
                id,
                right,
                newState,
                identities,
                pseudonyms,
                receivedAt,
                extensions,
                verificationMethod,
                refusalReason,
                corrections,
                purposes,
                lift,
                outcomes,
                items,
                completedAt);
    }

    PrivacyRequest withExtensions(List<DeadlineExtension> ext) {
        return new PrivacyRequest(
                tenant,
                id,
                right,
                state,
                identities,
                pseudonyms,
                receivedAt,
                ext,
                verificationMethod,
                refusalReason,
                corrections,
                purposes,
                lift,
                outcomes,
                items,
                completedAt);
    }

    PrivacyRequest verified(String method) {
        return new PrivacyRequest(
                tenant,
                id,
                right,
                RequestState.IDENTITY_VERIFIED,
                identities,
                pseudonyms,
                receivedAt,
                extensions,
                method,
                refusalReason,
                corrections,
                purposes,
                lift,
                outcomes,
                items,
                completedAt);
    }

    PrivacyRequest refused(String reason, @Nullable String method) {
        return new PrivacyRequest(
                tenant,
                id,
                right,
                RequestState.REFUSED,
                identities,
                pseudonyms,
                receivedAt,
                extensions,
                method,
                reason,
                corrections,
                purposes,
                lift,
                outcomes,
                items,
                completedAt);
    }

    PrivacyRequest withOutcomes(
            RequestState newState,
            Map<String, HandlerOutcome> newOutcomes,
            Map<String, List<ExportedItem>> newItems,
            @Nullable Instant completed) {
        return new PrivacyRequest(
                tenant,
                id,
                right,
                newState,
                identities,
                pseudonyms,
                receivedAt,
                extensions,
                verificationMethod,
                refusalReason,
                corrections,
                purposes,
                lift,
                newOutcomes,
                newItems,
                completed);
    }

    /** The record with every trace of the subject removed but its pseudonyms (the residue of an erasure). */
    PrivacyRequest scrubbed() {
        return new PrivacyRequest(
                tenant,
                id,
                right,
                state,
                List.of(),
                pseudonyms,
                receivedAt,
                extensions,
                verificationMethod,
                refusalReason,
                Map.of(),
                purposes,
                lift,
                outcomes,
                Map.of(),
                completedAt);
    }
}
