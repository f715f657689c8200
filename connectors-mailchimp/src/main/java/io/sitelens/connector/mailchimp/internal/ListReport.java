package io.sitelens.connector.mailchimp.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * What one request did in each audience, rendered as the result message. Names audiences (ids and names) and
 * error messages that carry placeholders, never the subject's address or subscriber hash.
 */
final class ListReport {
    private final String verb;
    private final List<String> done = new ArrayList<>();
    private final List<String> unchanged = new ArrayList<>();
    private final String unchangedReason;
    private final List<String> failed = new ArrayList<>();
    private final int searched;

    ListReport(String verb, String unchangedReason, int searched) {
        this.verb = verb;
        this.unchangedReason = unchangedReason;
        this.searched = searched;
    }

    void done(String list) {
        done.add(list);
    }

    void unchanged(String list) {
        unchanged.add(list);
    }

    void failed(String list, String error) {
        failed.add(list + ": " + error);
    }

    int doneCount() {
        return done.size();
    }

    boolean hasFailures() {
        return !failed.isEmpty();
    }

    boolean touchedNothing() {
        return done.isEmpty() && unchanged.isEmpty() && failed.isEmpty();
    }

    String notFoundMessage() {
        return "not a member of any of the " + searched + " Mailchimp " + plural(searched, "list") + " searched";
    }

    String message() {
        List<String> parts = new ArrayList<>();
        if (!done.isEmpty()) {
            parts.add(verb + " in " + done.size() + " " + plural(done.size(), "list") + ": " + String.join(", ", done));
        }
        if (!unchanged.isEmpty()) {
            parts.add(unchangedReason + " in " + unchanged.size() + " " + plural(unchanged.size(), "list") + ": "
                    + String.join(", ", unchanged));
        }
        if (!failed.isEmpty()) {
            parts.add("FAILED in " + failed.size() + " " + plural(failed.size(), "list") + " (retry the request): "
                    + String.join("; ", failed));
        }
        return parts.isEmpty() ? notFoundMessage() : String.join("; ", parts);
    }

    private static String plural(int n, String word) {
        return n == 1 ? word : word + "s";
    }
}
