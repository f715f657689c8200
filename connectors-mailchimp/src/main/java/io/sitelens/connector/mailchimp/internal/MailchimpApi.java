package io.sitelens.connector.mailchimp.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.connector.mailchimp.MailchimpConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * The Mailchimp Marketing API calls the handler makes. Labels for logs and errors carry {@code {hash}} and
 * {@code {email}} placeholders, never the values.
 */
final class MailchimpApi {
    private final MailchimpClient client;
    private final MailchimpConfig config;

    MailchimpApi(MailchimpClient client, MailchimpConfig config) {
        this.client = requireNonNull(client, "client");
        this.config = requireNonNull(config, "config");
    }

    /** Every audience of the account, paged with {@code count}/{@code offset}, bounded by {@code maxLists}. */
    Audiences lists() {
        Map<String, Audience> found = new LinkedHashMap<>();
        int pageSize = Math.min(config.pageSize(), config.maxLists());
        int maxPages = (config.maxLists() + pageSize - 1) / pageSize;
        long total = -1;
        for (int page = 0, offset = 0; page < maxPages; page++, offset += pageSize) {
            HttpUrl url = client.root()
                    .newBuilder()
                    .addPathSegment("lists")
                    .addQueryParameter("fields", "lists.id,lists.name,total_items")
                    .addQueryParameter("count", Integer.toString(pageSize))
                    .addQueryParameter("offset", Integer.toString(offset))
                    .build();
            JsonNode body =
                    client.call("GET", url, null, "GET lists?offset=" + offset).body();
            if (body == null || !body.path("lists").isArray()) {
                throw malformed("GET lists", "has no 'lists' array");
            }
            total = body.path("total_items").asLong(-1);
            int before = found.size();
            for (JsonNode l : body.path("lists")) {
                String id = l.path("id").asText("");
                if (!id.isEmpty() && found.size() < config.maxLists()) {
                    found.putIfAbsent(
                            id,
                            new Audience(
                                    id,
                                    l.path("name").isTextual() ? l.path("name").asText() : null));
                }
            }
            boolean pageWasShort = body.path("lists").size() < pageSize;
            if (pageWasShort || found.size() == before || (total >= 0 && found.size() >= total)) {
                break;
            }
        }
        boolean truncated = total > found.size() && found.size() >= config.maxLists();
        return new Audiences(List.copyOf(found.values()), truncated, total);
    }

    /** The audiences discovered, and whether the account has more than {@code maxLists}. */
    record Audiences(List<Audience> audiences, boolean truncated, long totalItems) {}

    /** The ids of the audiences where {@code /search-members} finds an exact match for {@code email}. */
    List<String> searchExactMatches(String email) {
        HttpUrl url = client.root()
                .newBuilder()
                .addPathSegment("search-members")
                .addQueryParameter("query", email)
                .addQueryParameter("fields", "exact_matches.members.list_id,exact_matches.members.email_address")
                .build();
        JsonNode body = client.call("GET", url, null, "GET search-members?query={email}")
                .body();
        if (body == null) {
            return List.of();
        }
        List<String> lists = new ArrayList<>();
        for (JsonNode m : body.path("exact_matches").path("members")) {
            String address = m.path("email_address").asText("").trim().toLowerCase(Locale.ROOT);
            String listId = m.path("list_id").asText("");
            if (address.equals(email.toLowerCase(Locale.ROOT)) && !listId.isEmpty() && !lists.contains(listId)) {
                lists.add(listId);
            }
        }
        return lists;
    }

    /** The member {@code hash} of {@code listId}, or empty when it is not a member (HTTP 404). */
    Optional<JsonNode> member(String listId, String hash) {
        MailchimpClient.Reply r = client.call("GET", memberUrl(listId, hash).build(), null, memberLabel("GET", listId));
        if (r.notFound()) {
            return Optional.empty();
        }
        if (r.body() == null || !r.body().isObject()) {
            throw malformed(memberLabel("GET", listId), "is not a member object");
        }
        return Optional.of(r.body());
    }

    /** PATCHes the member; empty when it is not (any more) a member. */
    Optional<JsonNode> update(String listId, String hash, ObjectNode patch) {
        MailchimpClient.Reply r =
                client.call("PATCH", memberUrl(listId, hash).build(), patch, memberLabel("PATCH", listId));
        return r.notFound() ? Optional.empty() : Optional.ofNullable(r.body());
    }

    /** Permanently deletes the member; false when it was not (any more) a member. Irreversible. */
    boolean deletePermanent(String listId, String hash) {
        HttpUrl url = memberUrl(listId, hash)
                .addPathSegment("actions")
                .addPathSegment("delete-permanent")
                .build();
        MailchimpClient.Reply r =
                client.call("POST", url, null, "POST lists/" + listId + "/members/{hash}/actions/delete-permanent");
        return !r.notFound();
    }

    private HttpUrl.Builder memberUrl(String listId, String hash) {
        return client.root()
                .newBuilder()
                .addPathSegment("lists")
                .addPathSegment(listId)
                .addPathSegment("members")
                .addPathSegment(hash);
    }

    private static String memberLabel(String method, String listId) {
        return method + " lists/" + listId + "/members/{hash}";
    }

    private SitelensException malformed(String label, String problem) {
        return new SitelensException(
                ErrorCode.EXTERNAL_MALFORMED,
                MailchimpConfig.PROVIDER_ID,
                "binding '" + config.bindingId() + "': the answer to " + label + " " + problem,
                null);
    }
}
