package io.sitelens.privacy;

import static java.util.Objects.requireNonNull;

import io.sitelens.privacy.internal.CanonicalJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The records of processing (GDPR Art. 30) and the register of transfers outside the EEA, exportable as JSON.
 * Access exports take their metadata section (purposes, categories, recipients, retention, sources, transfers)
 * from here. Immutable; {@link #builder()} makes one, {@link #defaults()} describes sitelens's own processing.
 */
public final class ProcessingRegister {
    private final String controller;
    private final List<ProcessingActivity> activities;
    private final List<Transfer> transfers;

    private ProcessingRegister(Builder b) {
        this.controller = b.controller;
        this.activities = List.copyOf(b.activities);
        this.transfers = List.copyOf(b.transfers);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** sitelens's own processing, for a host to extend with {@link #newBuilder()}. */
    public static ProcessingRegister defaults() {
        return builder()
                .activity(new ProcessingActivity(
                        "customer relationship",
                        "managing customers' accounts, contracts and invoices",
                        LegalBasis.CONTRACT,
                        List.of("customers", "customers' contacts"),
                        List.of("contact details", "contract and invoice data"),
                        List.of("the host's staff"),
                        RetentionPolicies.CONTRACT_DATA + " / " + RetentionPolicies.CUSTOMER_DATA,
                        List.of("the customer")))
                .activity(new ProcessingActivity(
                        "marketing to prospects",
                        "sending news and offers to people who asked for them",
                        LegalBasis.CONSENT,
                        List.of("prospects"),
                        List.of("contact details", "consent records"),
                        List.of("the host's staff", "e-mailing service"),
                        RetentionPolicies.PROSPECT_MARKETING_CONSENT,
                        List.of("the prospect (forms)")))
                .activity(new ProcessingActivity(
                        "behaviour analytics",
                        "measuring how visitors use the site (opt-in collector)",
                        LegalBasis.CONSENT,
                        List.of("site visitors"),
                        List.of("pseudonymous visitor id", "page views, clicks, scrolls, form events", "user agent"),
                        List.of("the host's staff", "configured event sinks"),
                        RetentionPolicies.BEHAVIOUR_EVENTS,
                        List.of("the visitor's browser")))
                .activity(new ProcessingActivity(
                        "data-subject requests and audit",
                        "answering GDPR requests and proving it",
                        LegalBasis.LEGAL_OBLIGATION,
                        List.of("requesters"),
                        List.of("keyed pseudonyms", "request records", "audit entries"),
                        List.of("supervisory authorities on request"),
                        "kept while the proof may be needed",
                        List.of("the requester")))
                .build();
    }

    public Builder newBuilder() {
        Builder b = new Builder().controller(controller);
        activities.forEach(b::activity);
        transfers.forEach(b::transfer);
        return b;
    }

    public String controller() {
        return controller;
    }

    public List<ProcessingActivity> activities() {
        return activities;
    }

    public List<Transfer> transfers() {
        return transfers;
    }

    /** The metadata section of an access export (GDPR Art. 15(1)(a)-(h), 15(2)). */
    public Map<String, Object> exportMetadata(RetentionPolicies retention, List<String> systems) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("controller", controller);
        List<Map<String, Object>> purposes = new ArrayList<>();
        Set<String> categories = new LinkedHashSet<>();
        Set<String> recipients = new LinkedHashSet<>();
        Set<String> sources = new LinkedHashSet<>();
        for (ProcessingActivity a : activities) {
            purposes.add(Map.of(
                    "activity", a.name(),
                    "purpose", a.purpose(),
                    "legalBasis", a.basis().name().toLowerCase(Locale.ROOT)));
            categories.addAll(a.dataCategories());
            recipients.addAll(a.recipients());
            sources.addAll(a.sources());
        }
        sources.addAll(systems.stream().map(s -> "system: " + s).toList());
        m.put("purposes", purposes);
        m.put("categories", List.copyOf(categories));
        m.put("recipients", List.copyOf(recipients));
        List<Map<String, Object>> ret = new ArrayList<>();
        for (RetentionPolicy p : retention.all()) {
            ret.add(Map.of(
                    "category", p.category(),
                    "period", p.period().toString(),
                    "countsFrom", p.basis().name().toLowerCase(Locale.ROOT)));
        }
        m.put("retention", ret);
        m.put("sources", List.copyOf(sources));
        m.put("transfersOutsideEea", transfersJson());
        return m;
    }

    private List<Map<String, Object>> transfersJson() {
        List<Map<String, Object>> l = new ArrayList<>();
        for (Transfer t : transfers) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("recipient", t.recipient());
            m.put("country", t.country());
            m.put("mechanism", t.mechanism().name().toLowerCase(Locale.ROOT));
            m.put("instrument", t.instrument());
            m.put("date", t.date().toString());
            m.put("dataCategories", t.dataCategories());
            l.add(m);
        }
        return l;
    }

    /** The register as a JSON document: {@code schemaVersion}, controller, activities, transfers. */
    public String toJson() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schemaVersion", 1);
        doc.put("controller", controller);
        List<Map<String, Object>> acts = new ArrayList<>();
        for (ProcessingActivity a : activities) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", a.name());
            m.put("purpose", a.purpose());
            m.put("legalBasis", a.basis().name().toLowerCase(Locale.ROOT));
            m.put("subjects", a.subjects());
            m.put("dataCategories", a.dataCategories());
            m.put("recipients", a.recipients());
            m.put("retention", a.retention());
            m.put("sources", a.sources());
            acts.add(m);
        }
        doc.put("activities", acts);
        doc.put("transfersOutsideEea", transfersJson());
        return CanonicalJson.pretty(doc);
    }

    public static final class Builder {
        private String controller = "the host operating sitelens";
        private final List<ProcessingActivity> activities = new ArrayList<>();
        private final List<Transfer> transfers = new ArrayList<>();

        public Builder controller(String name) {
            this.controller = requireNonNull(name, "controller");
            return this;
        }

        public Builder activity(ProcessingActivity a) {
            activities.add(requireNonNull(a, "activity"));
            return this;
        }

        public Builder transfer(Transfer t) {
            transfers.add(requireNonNull(t, "transfer"));
            return this;
        }

        public ProcessingRegister build() {
            return new ProcessingRegister(this);
        }
    }
}
