package io.sitelens.connector.mailchimp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sitelens.connector.mailchimp.internal.MemberHash;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Map.Entry;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * A stateful stand-in for the Mailchimp Marketing API 3.0 under {@code /3.0/}: audiences and their members in
 * memory, answers built from the synthetic fixtures in {@code src/test/resources/mailchimp} (see PROVENANCE.md).
 * It checks basic auth against one key, and can be told to answer the next requests with injected faults.
 */
final class MailchimpStub extends Dispatcher {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String KEY = "0123456789abcdef0123456789abcdef-us6";

    private final Map<String, String> lists = new LinkedHashMap<>();
    private final Map<String, Map<String, ObjectNode>> members = new LinkedHashMap<>();
    private final Deque<MockResponse> faults = new ArrayDeque<>();
    private final List<PathFault> pathFaults = new ArrayList<>();
    private final List<String> requestLines = new ArrayList<>();
    private final List<String> authorizations = new ArrayList<>();
    private final List<String> bodies = new ArrayList<>();
    private String acceptedKey = KEY;

    synchronized MailchimpStub list(String id, String name) {
        lists.put(id, name);
        members.putIfAbsent(id, new LinkedHashMap<>());
        return this;
    }

    /** Adds {@code email} to {@code listId} with {@code status}, from the member fixture. */
    synchronized MailchimpStub member(String listId, String email, String status) {
        ObjectNode m = (ObjectNode) fixture("member.synthetic.json");
        String hash = MemberHash.of(email);
        m.put("id", hash).put("email_address", email).put("status", status).put("list_id", listId);
        m.set("_links", JSON.createArrayNode());
        members.get(listId).put(hash, m);
        return this;
    }

    synchronized MailchimpStub acceptKey(String key) {
        acceptedKey = key;
        return this;
    }

    /** The next requests are answered with {@code response}, {@code times} times, before normal dispatch. */
    synchronized MailchimpStub fail(int times, MockResponse response) {
        for (int i = 0; i < times; i++) {
            faults.add(response);
        }
        return this;
    }

    /** Requests whose method is {@code method} and whose path contains {@code pathPart} get {@code response}. */
    synchronized MailchimpStub failOn(String method, String pathPart, int times, MockResponse response) {
        for (int i = 0; i < times; i++) {
            pathFaults.add(new PathFault(method, pathPart, response));
        }
        return this;
    }

    private record PathFault(String method, String pathPart, MockResponse response) {}

    synchronized List<String> requestLines() {
        return List.copyOf(requestLines);
    }

    synchronized List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    synchronized List<String> bodies() {
        return List.copyOf(bodies);
    }

    synchronized ObjectNode stored(String listId, String email) {
        return members.get(listId).get(MemberHash.of(email));
    }

    synchronized int memberCount(String listId) {
        return members.get(listId).size();
    }

    static MockResponse problem(int code, String fixture) {
        return new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", "application/problem+json; charset=utf-8")
                .body(fixture(fixture).toString())
                .build();
    }

    static MockResponse tooManyRequests(int retryAfterSeconds) {
        return problem(429, "error-429.synthetic.json")
                .newBuilder()
                .setHeader("Retry-After", Integer.toString(retryAfterSeconds))
                .build();
    }

    static JsonNode fixture(String name) {
        try (InputStream in = MailchimpStub.class.getResourceAsStream("/mailchimp/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
        requestLines.add(request.getMethod() + " " + request.getTarget());
        String auth = request.getHeaders().get("Authorization");
        authorizations.add(auth == null ? "" : auth);
        bodies.add(request.getBody() == null ? "" : request.getBody().utf8());
        if (!faults.isEmpty()) {
            return faults.poll();
        }
        for (PathFault f : pathFaults) {
            if (f.method().equals(request.getMethod())
                    && request.getUrl().encodedPath().contains(f.pathPart())) {
                pathFaults.remove(f);
                return f.response();
            }
        }
        if (!authorised(auth)) {
            return problem(401, "error-401.synthetic.json");
        }
        HttpUrl url = request.getUrl();
        List<String> path = url.pathSegments();
        if (path.isEmpty() || !path.get(0).equals("3.0")) {
            return problem(404, "error-404.synthetic.json");
        }
        List<String> p = path.subList(1, path.size());
        String method = request.getMethod();
        if (method.equals("GET") && p.equals(List.of("lists"))) {
            return lists(url);
        }
        if (method.equals("GET") && p.equals(List.of("search-members"))) {
            return search(url.queryParameter("query"));
        }
        if (p.size() >= 4 && p.get(0).equals("lists") && p.get(2).equals("members")) {
            Map<String, ObjectNode> list = members.get(p.get(1));
            ObjectNode m = list == null ? null : list.get(p.get(3));
            if (m == null) {
                return problem(404, "error-404.synthetic.json");
            }
            if (p.size() == 4 && method.equals("GET")) {
                return json(200, m);
            }
            if (p.size() == 4 && method.equals("PATCH")) {
                return patch(
                        list,
                        p.get(3),
                        m,
                        request.getBody() == null ? "{}" : request.getBody().utf8());
            }
            if (p.size() == 6
                    && method.equals("POST")
                    && p.get(4).equals("actions")
                    && p.get(5).equals("delete-permanent")) {
                list.remove(p.get(3));
                return new MockResponse.Builder().code(204).build();
            }
        }
        return problem(404, "error-404.synthetic.json");
    }

    private boolean authorised(String header) {
        if (header == null || !header.startsWith("Basic ")) {
            return false;
        }
        String decoded = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon >= 0 && decoded.substring(colon + 1).equals(acceptedKey);
    }

    private MockResponse lists(HttpUrl url) {
        int count = Integer.parseInt(orDefault(url.queryParameter("count"), "10"));
        int offset = Integer.parseInt(orDefault(url.queryParameter("offset"), "0"));
        ArrayNode page = JSON.createArrayNode();
        List<Entry<String, String>> all = new ArrayList<>(lists.entrySet());
        for (int i = offset; i < Math.min(all.size(), offset + count); i++) {
            ObjectNode l = (ObjectNode) fixture("list.synthetic.json");
            l.put("id", all.get(i).getKey()).put("name", all.get(i).getValue());
            page.add(l);
        }
        ObjectNode body = JSON.createObjectNode();
        body.set("lists", page);
        body.put("total_items", all.size());
        return json(200, body);
    }

    private MockResponse search(String query) {
        String q = query == null ? "" : query.toLowerCase(Locale.ROOT);
        ArrayNode exact = JSON.createArrayNode();
        for (Map<String, ObjectNode> list : members.values()) {
            for (ObjectNode m : list.values()) {
                if (m.path("email_address").asText().toLowerCase(Locale.ROOT).equals(q) && exact.size() < 10) {
                    exact.add(m);
                }
            }
        }
        ObjectNode body = JSON.createObjectNode();
        body.putObject("exact_matches").put("total_items", exact.size()).set("members", exact);
        body.putObject("full_search").put("total_items", 0).set("members", JSON.createArrayNode());
        return json(200, body);
    }

    private MockResponse patch(Map<String, ObjectNode> list, String hash, ObjectNode m, String body) {
        JsonNode changes;
        try {
            changes = JSON.readTree(body);
        } catch (IOException e) {
            return problem(400, "error-404.synthetic.json");
        }
        if (changes.has("status")) {
            m.put("status", changes.get("status").asText());
        }
        if (changes.has("merge_fields")) {
            ((ObjectNode) m.get("merge_fields")).setAll((ObjectNode) changes.get("merge_fields"));
        }
        if (changes.has("email_address")) {
            String email = changes.get("email_address").asText();
            String newHash = MemberHash.of(email);
            if (!newHash.equals(hash) && list.containsKey(newHash)) {
                // Mailchimp's detail text echoes the address; the handler must not pass it on
                ObjectNode problem = (ObjectNode) fixture("error-400-member-exists.synthetic.json");
                problem.put("detail", problem.get("detail").asText().replace("EMAIL", email));
                return new MockResponse(
                        400, Headers.of("Content-Type", "application/problem+json; charset=utf-8"), problem.toString());
            }
            list.remove(hash);
            m.put("email_address", email).put("id", newHash);
            list.put(newHash, m);
        }
        return json(200, m);
    }

    private static MockResponse json(int code, JsonNode body) {
        return new MockResponse(code, Headers.of("Content-Type", "application/json; charset=utf-8"), body.toString());
    }

    private static String orDefault(String v, String d) {
        return v == null ? d : v;
    }
}
