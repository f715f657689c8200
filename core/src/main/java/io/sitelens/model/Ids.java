package io.sitelens.model;

/** Shared validation of the short identifiers (tenants, projects, bindings, providers). */
final class Ids {
    private Ids() {}

    static String check(String what, String value) {
        if (value == null) {
            throw new NullPointerException(what);
        }
        if (!value.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException(what + " must be 1-64 characters of a-z, 0-9, '.', '_' or '-', "
                    + "starting with a letter or digit; got '" + value + "'");
        }
        return value;
    }
}
