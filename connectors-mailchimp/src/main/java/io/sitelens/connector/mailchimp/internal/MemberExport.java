package io.sitelens.connector.mailchimp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitelens.spi.privacy.ExportedItem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one Mailchimp member record into exported items: {@code contact} (what the subject gave: address, merge
 * fields, language, interests, marketing permissions, and the subscription status; the portability subset) and
 * {@code marketing-profile} (what Mailchimp recorded or derived: ids, opt-in times and IPs, ratings, statistics,
 * location, tags, notes). Nested values are flattened to dotted keys ({@code merge_fields.FNAME}).
 */
final class MemberExport {
    static final String SOURCE_PREFIX = "mailchimp/lists/";
    private static final Set<String> PROVIDED = Set.of(
            "email_address", "email_type", "status", "language", "merge_fields", "interests", "marketing_permissions");
    private static final Set<String> SKIPPED = Set.of("_links", "list_id");
    private static final int MAX_FIELDS = 2000;
    private static final int MAX_DEPTH = 6;

    private MemberExport() {}

    static List<ExportedItem> items(Audience audience, JsonNode member) {
        Map<String, String> contact = new LinkedHashMap<>();
        Map<String, String> profile = new LinkedHashMap<>();
        contact.put("list_id", audience.id());
        profile.put("list_id", audience.id());
        if (audience.name() != null) {
            contact.put("list_name", audience.name());
            profile.put("list_name", audience.name());
        }
        for (Map.Entry<String, JsonNode> f : member.properties()) {
            if (SKIPPED.contains(f.getKey())) {
                continue;
            }
            flatten(f.getKey(), f.getValue(), PROVIDED.contains(f.getKey()) ? contact : profile, 0);
        }
        String source = SOURCE_PREFIX + audience.id();
        return List.of(
                new ExportedItem("contact", source, contact, true),
                new ExportedItem("marketing-profile", source, profile, false));
    }

    private static void flatten(String key, JsonNode value, Map<String, String> out, int depth) {
        if (out.size() >= MAX_FIELDS || value == null || value.isNull() || value.isMissingNode()) {
            return;
        }
        if (value.isValueNode()) {
            out.put(key, value.asText());
            return;
        }
        if (depth >= MAX_DEPTH) {
            out.put(key, value.toString());
            return;
        }
        if (value.isArray()) {
            if (value.isEmpty()) {
                return;
            }
            int i = 0;
            for (JsonNode element : value) {
                flatten(key + "." + i++, element, out, depth + 1);
            }
            return;
        }
        for (Map.Entry<String, JsonNode> f : value.properties()) {
            flatten(key + "." + f.getKey(), f.getValue(), out, depth + 1);
        }
    }
}
