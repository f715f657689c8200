package io.sitelens.model;

import java.util.Arrays;
import java.util.Locale;

/** The kinds of identifier a data subject can be known by, written as the prefix of {@code TYPE:VALUE}. */
public enum IdentityType {
    EMAIL("email"),
    ACCOUNT("account"),
    /** The id our behaviour collector gave a visitor. */
    VISITOR("visitor"),
    COOKIE("cookie"),
    GA_CLIENT("ga-client"),
    GA_USER("ga-user"),
    MATOMO_VISITOR("matomo-visitor"),
    MATOMO_USER("matomo-user");

    private final String prefix;

    IdentityType(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    public static IdentityType fromPrefix(String prefix) {
        String p = prefix.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(t -> t.prefix.equals(p))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown identity type '" + prefix
                        + "'; expected one of "
                        + Arrays.stream(values()).map(IdentityType::prefix).toList()));
    }
}
