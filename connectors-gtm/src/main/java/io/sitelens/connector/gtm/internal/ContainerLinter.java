package io.sitelens.connector.gtm.internal;

import io.sitelens.connector.gtm.GtmContainer;
import io.sitelens.connector.gtm.GtmContainer.Tag;
import io.sitelens.connector.gtm.GtmContainer.Trigger;
import io.sitelens.connector.gtm.GtmContainer.Variable;
import io.sitelens.connector.gtm.GtmFinding;
import io.sitelens.connector.gtm.GtmFinding.SubjectKind;
import io.sitelens.connector.gtm.GtmInspection.Ga4Event;
import io.sitelens.model.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The lint rules of {@code docs/gtm.md}, over one container. */
final class ContainerLinter {
    static final String PAUSED_TAG = "paused-tag";
    static final String TAG_WITHOUT_TRIGGER = "tag-without-trigger";
    static final String UNUSED_TRIGGER = "unused-trigger";
    static final String UNUSED_VARIABLE = "unused-variable";
    static final String UNDEFINED_VARIABLE = "undefined-variable";
    static final String GA4_EVENT_WITHOUT_MEASUREMENT_ID = "ga4-event-without-measurement-id";
    static final String DUPLICATE_EVENT_NAME = "duplicate-event-name";
    static final String INVALID_EVENT_NAME = "invalid-event-name";
    static final String MISSING_CONSENT_SETTINGS = "missing-consent-settings";
    static final String UNIVERSAL_ANALYTICS_TAG = "universal-analytics-tag";

    /** GTM's built-in triggers have ids near the top of the int range and are not listed in {@code trigger[]}. */
    static final long FIRST_BUILT_IN_TRIGGER_ID = 2147479553L;

    private static final Map<String, String> BUILT_IN_TRIGGERS = Map.of(
            "2147479553", "All Pages",
            "2147479572", "Consent Initialization - All Pages",
            "2147479573", "Initialization - All Pages");

    private static final Pattern MEASUREMENT_ID = Pattern.compile("G-[A-Z0-9]{4,}");
    private static final int MAX_EVENT_NAME = 40;
    private static final Set<String> RESERVED_EVENT_NAMES = Set.of(
            "ad_activeview",
            "ad_click",
            "ad_exposure",
            "ad_impression",
            "ad_query",
            "ad_reward",
            "adunit_exposure",
            "app_background",
            "app_clear_data",
            "app_exception",
            "app_install",
            "app_remove",
            "app_store_refund",
            "app_store_subscription_cancel",
            "app_store_subscription_convert",
            "app_store_subscription_renew",
            "app_update",
            "app_upgrade",
            "dynamic_link_app_open",
            "dynamic_link_app_update",
            "dynamic_link_first_open",
            "error",
            "firebase_campaign",
            "firebase_in_app_message_action",
            "firebase_in_app_message_dismiss",
            "firebase_in_app_message_impression",
            "first_open",
            "first_visit",
            "in_app_purchase",
            "notification_dismiss",
            "notification_foreground",
            "notification_open",
            "notification_receive",
            "os_update",
            "session_start",
            "session_start_with_rollout",
            "user_engagement");
    private static final List<String> RESERVED_PREFIXES = List.of("_", "firebase_", "ga_", "google_", "gtag.");

    private final GtmContainer c;
    private final VariableResolver resolver;
    private final List<Ga4Event> events;
    private final List<GtmFinding> out = new ArrayList<>();

    ContainerLinter(GtmContainer c, VariableResolver resolver, List<Ga4Event> events) {
        this.c = c;
        this.resolver = resolver;
        this.events = events;
    }

    static boolean isBuiltInTrigger(String id) {
        try {
            long n = Long.parseLong(id);
            return n >= FIRST_BUILT_IN_TRIGGER_ID && n <= Integer.MAX_VALUE;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static String triggerLabel(String id) {
        return BUILT_IN_TRIGGERS.getOrDefault(id, "built-in trigger " + id);
    }

    List<GtmFinding> lint() {
        Set<String> triggerIds = new HashSet<>();
        c.triggers().forEach(t -> triggerIds.add(t.id()));
        Set<String> sequenced = new HashSet<>();
        c.tags().forEach(t -> {
            sequenced.addAll(t.setupTags());
            sequenced.addAll(t.teardownTags());
        });
        boolean usesConsent = c.tags().stream()
                .anyMatch(t -> t.consent() != null && t.consent().isSet());

        for (Tag t : c.tags()) {
            if (t.paused()) {
                tag(PAUSED_TAG, Severity.NOTICE, t, "tag is paused and never fires");
            }
            List<String> missing = t.firingTriggerIds().stream()
                    .filter(id -> !triggerIds.contains(id) && !isBuiltInTrigger(id))
                    .toList();
            boolean fires = t.firingTriggerIds().size() > missing.size();
            if (!fires && !sequenced.contains(t.name())) {
                tag(
                        TAG_WITHOUT_TRIGGER,
                        Severity.WARNING,
                        t,
                        missing.isEmpty()
                                ? "tag has no firing trigger and is not a setup or cleanup tag of another tag, so it never fires"
                                : "tag fires only on trigger id(s) " + missing + ", which are not in the container");
            }
            if (usesConsent && (t.consent() == null || !t.consent().isSet())) {
                tag(
                        MISSING_CONSENT_SETTINGS,
                        Severity.WARNING,
                        t,
                        "tag has no consent settings (" + (t.consent() == null ? "none written" : "NOT_SET")
                                + ") while other tags of this container declare theirs");
            }
            if (t.type().equals("ua")) {
                tag(
                        UNIVERSAL_ANALYTICS_TAG,
                        Severity.WARNING,
                        t,
                        "Universal Analytics tag: Google stopped processing Universal Analytics hits in 2023; "
                                + "remove it or replace it with a GA4 tag");
            }
            undefinedReferences(SubjectKind.TAG, t.id(), t.name(), t.variableReferences());
        }

        Set<String> usedTriggers = new HashSet<>();
        c.tags().forEach(t -> {
            usedTriggers.addAll(t.firingTriggerIds());
            usedTriggers.addAll(t.blockingTriggerIds());
        });
        c.triggers().forEach(t -> usedTriggers.addAll(t.triggerReferences()));
        for (Trigger t : c.triggers()) {
            if (!usedTriggers.contains(t.id())) {
                add(
                        UNUSED_TRIGGER,
                        Severity.NOTICE,
                        SubjectKind.TRIGGER,
                        t.id(),
                        t.name(),
                        "trigger is not used by any tag or trigger group");
            }
            undefinedReferences(SubjectKind.TRIGGER, t.id(), t.name(), t.variableReferences());
        }

        Set<String> usedVariables = new HashSet<>();
        c.tags().forEach(t -> usedVariables.addAll(t.variableReferences()));
        c.triggers().forEach(t -> usedVariables.addAll(t.variableReferences()));
        c.variables().forEach(v -> usedVariables.addAll(v.variableReferences()));
        usedVariables.addAll(c.otherVariableReferences());
        for (Variable v : c.variables()) {
            if (!usedVariables.contains(v.name())) {
                add(
                        UNUSED_VARIABLE,
                        Severity.NOTICE,
                        SubjectKind.VARIABLE,
                        v.id(),
                        v.name(),
                        "variable is not referenced by any tag, trigger or variable");
            }
            undefinedReferences(SubjectKind.VARIABLE, v.id(), v.name(), v.variableReferences());
        }

        lintEvents();
        return List.copyOf(out);
    }

    private void lintEvents() {
        Map<String, List<Ga4Event>> byNameAndDestination = new LinkedHashMap<>();
        for (Ga4Event e : events) {
            Tag t = c.tag(e.tagId()).orElseThrow();
            measurementIdProblem(e)
                    .ifPresent(problem -> tag(GA4_EVENT_WITHOUT_MEASUREMENT_ID, Severity.ERROR, t, problem));
            nameProblem(e.name())
                    .ifPresent(problem ->
                            tag(INVALID_EVENT_NAME, Severity.ERROR, t, "event name '" + e.name() + "' " + problem));
            if (!e.dynamic() && !e.paused() && !e.name().isBlank()) {
                String destination =
                        e.measurementId() != null ? e.measurementId() : String.valueOf(e.measurementIdAsWritten());
                byNameAndDestination
                        .computeIfAbsent(e.name() + "\u0000" + destination, k -> new ArrayList<>())
                        .add(e);
            }
        }
        for (List<Ga4Event> same : byNameAndDestination.values()) {
            if (same.size() < 2) {
                continue;
            }
            for (Ga4Event e : same) {
                List<String> others = same.stream()
                        .filter(o -> o != e)
                        .map(o -> "'" + o.tagName() + "'")
                        .toList();
                tag(
                        DUPLICATE_EVENT_NAME,
                        Severity.WARNING,
                        c.tag(e.tagId()).orElseThrow(),
                        "event '" + e.name() + "' is also sent to the same measurement id by tag(s) "
                                + String.join(", ", others)
                                + "; GA4 will count it more than once if their triggers overlap");
            }
        }
    }

    private java.util.Optional<String> measurementIdProblem(Ga4Event e) {
        if (e.measurementIdAsWritten() == null || e.measurementIdAsWritten().isBlank()) {
            return java.util.Optional.of("GA4 event tag has no measurement id; its events are sent nowhere");
        }
        VariableResolver.Resolution r = resolver.resolve(e.measurementIdAsWritten());
        if (!r.undefined().isEmpty()) {
            return java.util.Optional.of("measurement id '" + e.measurementIdAsWritten()
                    + "' refers to undefined variable(s) " + r.undefined() + "; its events are sent nowhere");
        }
        if (e.measurementId() == null) {
            boolean tagReference = c.tag(e.tagId())
                    .flatMap(t -> GtmContainer.Parameter.find(t.parameters(), "measurementId"))
                    .map(p -> p.type().equals("TAG_REFERENCE"))
                    .orElse(false);
            if (tagReference && c.tagNamed(e.measurementIdAsWritten()).isEmpty()) {
                return java.util.Optional.of("measurement id comes from configuration tag '"
                        + e.measurementIdAsWritten() + "', which is not in the container");
            }
            return java.util.Optional.empty(); // set at run time by a variable: cannot be checked here
        }
        if (!MEASUREMENT_ID.matcher(e.measurementId()).matches()) {
            return java.util.Optional.of("measurement id '" + e.measurementIdAsWritten() + "' resolves to '"
                    + e.measurementId() + "', which is not a GA4 measurement id (G-…)");
        }
        return java.util.Optional.empty();
    }

    /** GA4's rules for event names, applied to the literal parts of names that hold variable references. */
    static java.util.Optional<String> nameProblem(String name) {
        if (name.isBlank()) {
            return java.util.Optional.of("is empty");
        }
        String literal = ContainerReader.REFERENCE.matcher(name).replaceAll("");
        boolean dynamic = literal.length() != name.length();
        if (literal.length() > MAX_EVENT_NAME) {
            return java.util.Optional.of("is longer than GA4's " + MAX_EVENT_NAME + " characters");
        }
        if (!literal.matches("[A-Za-z0-9_]*")) {
            return java.util.Optional.of("has characters GA4 does not allow (only letters, digits and _)");
        }
        boolean startsLiteral = !name.startsWith("{{");
        if (startsLiteral && !Character.isLetter(name.charAt(0))) {
            return java.util.Optional.of("must start with a letter");
        }
        if (!dynamic && RESERVED_EVENT_NAMES.contains(name)) {
            return java.util.Optional.of("is reserved by GA4 and will be dropped");
        }
        if (startsLiteral) {
            String head = name.split("\\{\\{", 2)[0];
            for (String prefix : RESERVED_PREFIXES) {
                if (head.startsWith(prefix) || (!dynamic && name.startsWith(prefix))) {
                    return java.util.Optional.of("starts with the reserved prefix '" + prefix + "'");
                }
            }
        }
        return java.util.Optional.empty();
    }

    private void undefinedReferences(SubjectKind kind, String id, String name, List<String> references) {
        for (String ref : references) {
            if (!resolver.isDefined(ref)) {
                add(
                        UNDEFINED_VARIABLE,
                        Severity.ERROR,
                        kind,
                        id,
                        name,
                        "references {{" + ref
                                + "}}, which is neither a user-defined variable nor an enabled built-in variable");
            }
        }
    }

    private void tag(String rule, Severity severity, Tag t, String message) {
        add(rule, severity, SubjectKind.TAG, t.id(), t.name(), message);
    }

    private void add(String rule, Severity severity, SubjectKind kind, String id, String name, String message) {
        out.add(new GtmFinding(rule, severity, kind, id, name, message));
    }
}
