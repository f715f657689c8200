package io.sitelens.privacy;

import io.sitelens.privacy.RetentionPolicy.Basis;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The retention policy of each data category. {@link #defaults()}: {@code contractData} (contracts and
 * invoices) 10 years after the end of the commercial relationship; {@code customerData} (kept on legitimate
 * interest) 2 years after it; {@code prospectMarketingConsent} (marketing consent of people who are not
 * customers) 1 year after it was given; {@code behaviourEvents} 13 months.
 */
public final class RetentionPolicies {
    public static final String CONTRACT_DATA = "contractData";
    public static final String CUSTOMER_DATA = "customerData";
    public static final String PROSPECT_MARKETING_CONSENT = "prospectMarketingConsent";
    public static final String BEHAVIOUR_EVENTS = "behaviourEvents";

    private final Map<String, RetentionPolicy> byCategory;

    private RetentionPolicies(Map<String, RetentionPolicy> byCategory) {
        this.byCategory = Map.copyOf(byCategory);
    }

    public static RetentionPolicies defaults() {
        Map<String, RetentionPolicy> m = new LinkedHashMap<>();
        m.put(CONTRACT_DATA, new RetentionPolicy(CONTRACT_DATA, Period.ofYears(10), Basis.RELATIONSHIP_END));
        m.put(CUSTOMER_DATA, new RetentionPolicy(CUSTOMER_DATA, Period.ofYears(2), Basis.RELATIONSHIP_END));
        m.put(
                PROSPECT_MARKETING_CONSENT,
                new RetentionPolicy(PROSPECT_MARKETING_CONSENT, Period.ofYears(1), Basis.RECORD_CREATED));
        m.put(BEHAVIOUR_EVENTS, new RetentionPolicy(BEHAVIOUR_EVENTS, Period.ofMonths(13), Basis.RECORD_CREATED));
        return new RetentionPolicies(m);
    }

    /**
     * These policies with the periods of {@code overrides} (category → period, as in a config file's
     * {@code retention:} section); a category not known here counts from the record's creation.
     */
    public RetentionPolicies withPeriods(Map<String, Period> overrides) {
        Map<String, RetentionPolicy> m = new LinkedHashMap<>(byCategory);
        overrides.forEach((category, period) -> {
            Basis basis = Optional.ofNullable(m.get(category))
                    .map(RetentionPolicy::basis)
                    .orElse(Basis.RECORD_CREATED);
            m.put(category, new RetentionPolicy(category, period, basis));
        });
        return new RetentionPolicies(m);
    }

    public Optional<RetentionPolicy> policy(String category) {
        return Optional.ofNullable(byCategory.get(category));
    }

    /** Every policy, sorted by category. */
    public List<RetentionPolicy> all() {
        List<RetentionPolicy> l = new ArrayList<>(byCategory.values());
        l.sort(java.util.Comparator.comparing(RetentionPolicy::category));
        return l;
    }
}
