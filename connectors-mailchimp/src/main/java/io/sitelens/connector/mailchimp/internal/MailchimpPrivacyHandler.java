package io.sitelens.connector.mailchimp.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.connector.mailchimp.MailchimpConfig;
import io.sitelens.model.DataSubject;
import io.sitelens.model.IdentityType;
import io.sitelens.model.Purpose;
import io.sitelens.model.SubjectIdentity;
import io.sitelens.spi.PluginContext;
import io.sitelens.spi.privacy.ExportedItem;
import io.sitelens.spi.privacy.HandlerResult;
import io.sitelens.spi.privacy.HandlerResult.Status;
import io.sitelens.spi.privacy.PrivacyRequestContext;
import io.sitelens.spi.privacy.PrivacyRight;
import io.sitelens.spi.privacy.PrivacyRightsHandler;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * Carries out data-subject rights on Mailchimp audiences. A subject is found by each of its e-mail identities in
 * every audience in scope ({@code GET /lists/{id}/members/{md5}}; with every audience in scope, the audiences are
 * discovered with {@code GET /lists} and completed by {@code GET /search-members}). Then:
 *
 * <ul>
 *   <li>access / portability: the member record of each audience, as {@code contact} (provided by the subject)
 *       and {@code marketing-profile} items;
 *   <li>objection to marketing: {@code PATCH status=unsubscribed} where the member still receives marketing;
 *   <li>erasure: {@code POST …/actions/delete-permanent}, irreversible;
 *   <li>rectification: {@code PATCH email_address} and {@code merge_fields}.
 * </ul>
 *
 * Result messages name audiences, never the address or its hash. Restriction has no Mailchimp counterpart and
 * answers UNSUPPORTED.
 */
public final class MailchimpPrivacyHandler implements PrivacyRightsHandler {
    private static final Set<PrivacyRight> RIGHTS = Set.copyOf(EnumSet.of(
            PrivacyRight.ACCESS,
            PrivacyRight.PORTABILITY,
            PrivacyRight.RECTIFICATION,
            PrivacyRight.ERASURE,
            PrivacyRight.OBJECTION));
    /** Statuses in which a member receives no marketing e-mail already; an objection leaves them as they are. */
    private static final Set<String> NOT_MARKETED = Set.of("unsubscribed", "cleaned", "archived", "transactional");

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern MERGE_TAG = Pattern.compile("[A-Z0-9_]{1,10}");

    private final MailchimpConfig config;
    private final MailchimpApi api;
    private final Logger log;

    private MailchimpPrivacyHandler(MailchimpConfig config, MailchimpApi api, Logger log) {
        this.config = config;
        this.api = api;
        this.log = log;
    }

    /** A handler over {@code config}, with the context's HTTP settings, clock, usage meter and logger. */
    public static MailchimpPrivacyHandler create(MailchimpConfig config, PluginContext context) {
        requireNonNull(config, "config");
        requireNonNull(context, "context");
        Logger log = context.logger(MailchimpPrivacyHandler.class);
        MailchimpClient client = new MailchimpClient(
                config, context.http(), context.usage(), context.clock(), context.logger(MailchimpClient.class));
        return new MailchimpPrivacyHandler(config, new MailchimpApi(client, config), log);
    }

    @Override
    public String id() {
        return MailchimpConfig.PROVIDER_ID;
    }

    @Override
    public Set<PrivacyRight> supportedRights() {
        return RIGHTS;
    }

    @Override
    public Set<IdentityType> identityTypes() {
        return Set.of(IdentityType.EMAIL);
    }

    @Override
    public HandlerResult access(PrivacyRequestContext request, DataSubject subject) {
        List<String> emails = emails(subject);
        if (emails.isEmpty()) {
            return noEmail();
        }
        List<Audience> scope = scope();
        ListReport report = new ListReport("member", "", scope.size());
        List<ExportedItem> items = new ArrayList<>();
        for (String email : emails) {
            for (Found f : locate(scope, email)) {
                items.addAll(MemberExport.items(f.audience(), f.member()));
                report.done(f.audience().label() + " [" + f.status() + "]");
            }
        }
        log.info(
                "mailchimp {}: access for request {} found the subject in {} list(s)",
                config.bindingId(),
                request.requestId(),
                report.doneCount());
        if (items.isEmpty()) {
            return new HandlerResult(id(), Status.NOT_FOUND, 0, List.of(), report.notFoundMessage());
        }
        return new HandlerResult(id(), Status.DONE, items.size(), items, report.message());
    }

    @Override
    public HandlerResult object(PrivacyRequestContext request, DataSubject subject, Purpose purpose) {
        if (purpose != Purpose.MARKETING) {
            return HandlerResult.done(
                    id(), 0, "Mailchimp audiences are used for marketing only; nothing to stop for " + purpose);
        }
        List<String> emails = emails(subject);
        if (emails.isEmpty()) {
            return noEmail();
        }
        List<Audience> scope = scope();
        ListReport report = new ListReport("unsubscribed", "already receives no marketing", scope.size());
        ObjectNode patch = MailchimpClient.JSON.createObjectNode().put("status", "unsubscribed");
        for (String email : emails) {
            for (Found f : locate(scope, email)) {
                if (NOT_MARKETED.contains(f.status())) {
                    report.unchanged(f.audience().label() + " [" + f.status() + "]");
                    continue;
                }
                try {
                    if (api.update(f.audience().id(), f.hash(), patch).isPresent()) {
                        report.done(f.audience().label());
                    } else {
                        report.unchanged(f.audience().label() + " [no longer a member]");
                    }
                } catch (SitelensException e) {
                    report.failed(f.audience().label(), e.getMessage());
                }
            }
        }
        return result("objection", request, report);
    }

    @Override
    public HandlerResult erase(PrivacyRequestContext request, DataSubject subject) {
        List<String> emails = emails(subject);
        if (emails.isEmpty()) {
            return noEmail();
        }
        List<Audience> scope = scope();
        ListReport report = new ListReport("permanently deleted (irreversible)", "already gone", scope.size());
        for (String email : emails) {
            for (Found f : locate(scope, email)) {
                try {
                    if (api.deletePermanent(f.audience().id(), f.hash())) {
                        report.done(f.audience().label());
                    } else {
                        report.unchanged(f.audience().label());
                    }
                } catch (SitelensException e) {
                    report.failed(f.audience().label(), e.getMessage());
                }
            }
        }
        return result("erasure", request, report);
    }

    @Override
    public HandlerResult rectify(PrivacyRequestContext request, DataSubject subject, Map<String, String> corrections) {
        requireNonNull(corrections, "corrections");
        Corrections c = Corrections.parse(corrections);
        if (c.isEmpty()) {
            return HandlerResult.done(
                    id(),
                    0,
                    "no correction applies to Mailchimp (it keeps email_address and merge_fields.<TAG>)"
                            + c.ignoredNote());
        }
        List<String> emails = emails(subject);
        if (emails.isEmpty()) {
            return noEmail();
        }
        if (c.newEmail() != null && emails.size() > 1) {
            throw new SitelensException(
                    ErrorCode.INVALID_INPUT,
                    id(),
                    "a new email_address can only replace one address, but the subject has " + emails.size()
                            + " e-mail identities",
                    null);
        }
        List<Audience> scope = scope();
        ListReport report = new ListReport("rectified", "already up to date", scope.size());
        for (String email : emails) {
            for (Found f : locate(scope, email)) {
                ObjectNode patch = c.patchFor(f.member());
                if (patch.isEmpty()) {
                    report.unchanged(f.audience().label());
                    continue;
                }
                try {
                    if (api.update(f.audience().id(), f.hash(), patch).isPresent()) {
                        report.done(f.audience().label());
                    } else {
                        report.unchanged(f.audience().label() + " [no longer a member]");
                    }
                } catch (SitelensException e) {
                    report.failed(f.audience().label(), e.getMessage());
                }
            }
        }
        HandlerResult r = result("rectification", request, report);
        return c.ignoredNote().isEmpty()
                ? r
                : new HandlerResult(r.handlerId(), r.status(), r.affected(), r.items(), r.message() + c.ignoredNote());
    }

    private HandlerResult result(String what, PrivacyRequestContext request, ListReport report) {
        log.info(
                "mailchimp {}: {} for request {}: {} list(s) changed{}",
                config.bindingId(),
                what,
                request.requestId(),
                report.doneCount(),
                report.hasFailures() ? ", some failed" : "");
        if (report.hasFailures()) {
            return new HandlerResult(id(), Status.FAILED, report.doneCount(), List.of(), report.message());
        }
        if (report.touchedNothing()) {
            return new HandlerResult(id(), Status.NOT_FOUND, 0, List.of(), report.notFoundMessage());
        }
        return new HandlerResult(id(), Status.DONE, report.doneCount(), List.of(), report.message());
    }

    private HandlerResult noEmail() {
        return new HandlerResult(
                id(),
                Status.NOT_FOUND,
                0,
                List.of(),
                "Mailchimp finds subjects by e-mail address; the request has none");
    }

    private static List<String> emails(DataSubject subject) {
        return subject.identities(IdentityType.EMAIL).stream()
                .map(SubjectIdentity::value)
                .map(v -> v.trim().toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
    }

    /** The audiences in scope: the configured ones, or every audience of the account. */
    private List<Audience> scope() {
        if (!config.allLists()) {
            return config.lists().stream().map(id -> new Audience(id, null)).toList();
        }
        MailchimpApi.Audiences found = api.lists();
        if (found.truncated()) {
            log.warn(
                    "mailchimp {}: the account has {} audiences, more than {}={}; the others are reached only"
                            + " through search-members",
                    config.bindingId(),
                    found.totalItems(),
                    MailchimpConfig.MAX_LISTS,
                    config.maxLists());
        }
        return found.audiences();
    }

    /**
     * The member records of {@code email}: one GET per audience in scope (a 404 is "not a member"), plus, when
     * every audience is in scope, the audiences {@code search-members} reports beyond those discovered.
     */
    private List<Found> locate(List<Audience> scope, String email) {
        String hash = MemberHash.of(email);
        Map<String, Audience> lists = new LinkedHashMap<>();
        scope.forEach(a -> lists.put(a.id(), a));
        if (config.allLists()) {
            for (String listId : api.searchExactMatches(email)) {
                lists.putIfAbsent(listId, new Audience(listId, null));
            }
        }
        List<Found> found = new ArrayList<>();
        for (Audience a : lists.values()) {
            Optional<JsonNode> member = api.member(a.id(), hash);
            member.ifPresent(m -> found.add(new Found(a, hash, m)));
        }
        return found;
    }

    /** A member record found in one audience. */
    private record Found(Audience audience, String hash, JsonNode member) {
        String status() {
            return member.path("status").asText("unknown");
        }
    }

    /** The corrections Mailchimp can apply: a new address and merge fields; other keys are ignored. */
    private record Corrections(@Nullable String newEmail, Map<String, String> mergeFields, List<String> ignored) {
        static Corrections parse(Map<String, String> corrections) {
            @Nullable String newEmail = null;
            Map<String, String> merge = new LinkedHashMap<>();
            List<String> ignored = new ArrayList<>();
            for (Map.Entry<String, String> e : corrections.entrySet()) {
                String key = e.getKey().trim();
                String value = requireNonNull(e.getValue(), "correction value of " + key);
                if (key.equals("email_address") || key.equals("email")) {
                    String v = value.trim();
                    if (!EMAIL.matcher(v).matches()) {
                        throw new SitelensException(
                                ErrorCode.INVALID_INPUT,
                                MailchimpConfig.PROVIDER_ID,
                                "the correction of " + key + " is not an e-mail address (the value is not shown)",
                                null);
                    }
                    newEmail = v;
                } else if (key.startsWith("merge_fields.")) {
                    String tag = key.substring("merge_fields.".length()).toUpperCase(Locale.ROOT);
                    if (!MERGE_TAG.matcher(tag).matches()) {
                        throw new SitelensException(
                                ErrorCode.INVALID_INPUT,
                                MailchimpConfig.PROVIDER_ID,
                                "'" + key + "' does not name a Mailchimp merge tag (up to 10 letters, digits or _)",
                                null);
                    }
                    merge.put(tag, value);
                } else {
                    ignored.add(key);
                }
            }
            return new Corrections(newEmail, merge, ignored.stream().sorted().toList());
        }

        boolean isEmpty() {
            return newEmail == null && mergeFields.isEmpty();
        }

        String ignoredNote() {
            return ignored.isEmpty() ? "" : "; not kept by Mailchimp, ignored: " + String.join(", ", ignored);
        }

        /** The PATCH body for {@code member}: only what differs from what it holds. */
        ObjectNode patchFor(JsonNode member) {
            ObjectNode patch = MailchimpClient.JSON.createObjectNode();
            if (newEmail != null
                    && !newEmail.equalsIgnoreCase(member.path("email_address").asText(""))) {
                patch.put("email_address", newEmail);
            }
            ObjectNode merge = MailchimpClient.JSON.createObjectNode();
            mergeFields.forEach((tag, value) -> {
                if (!value.equals(member.path("merge_fields").path(tag).asText(null))) {
                    merge.put(tag, value);
                }
            });
            if (!merge.isEmpty()) {
                patch.set("merge_fields", merge);
            }
            return patch;
        }
    }
}
