package io.sitelens.privacy;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * A transfer of personal data outside the EEA. The instrument is kept as dated data (decisions are adopted,
 * annulled and replaced), so the register can be reviewed when one changes.
 *
 * @param recipient who receives the data (such as {@code Google LLC})
 * @param country ISO 3166-1 alpha-2 code of the recipient's country
 * @param instrument the decision's or contract's name (such as {@code EU-US Data Privacy Framework})
 * @param date when the decision was adopted or the clauses signed
 */
public record Transfer(
        String recipient,
        String country,
        TransferMechanism mechanism,
        String instrument,
        LocalDate date,
        String dataCategories) {
    public Transfer {
        requireNonNull(recipient, "recipient");
        requireNonNull(country, "country");
        requireNonNull(mechanism, "mechanism");
        requireNonNull(instrument, "instrument");
        requireNonNull(date, "date");
        requireNonNull(dataCategories, "dataCategories");
        if (!country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException(
                    "transfer country must be an ISO 3166-1 alpha-2 code, got '" + country + "'");
        }
    }
}
