package io.sitelens.connector.matomo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A Matomo {@code index.php} played by MockWebServer: answers each API method with a recorded response body
 * (the fixtures), runs {@code API.getBulkRequest} the way Matomo does (decoding each {@code urls[i]} and
 * answering each sub-request, errors inline), and keeps every HTTP request and every (sub-)call it saw.
 */
final class FakeMatomo extends Dispatcher {
    /** One API call as Matomo saw it: its method and decoded parameters. */
    record Call(String method, Map<String, String> params) {}

    /** What an HTTP request carried. */
    record Http(String path, String query, String contentType, String body, Map<String, String> form, String auth) {}

    private final Map<String, Function<Call, String>> methods = new ConcurrentHashMap<>();
    private final Map<String, Function<Call, MockResponse>> raw = new ConcurrentHashMap<>();
    final List<Call> calls = new CopyOnWriteArrayList<>();
    final List<Http> requests = new CopyOnWriteArrayList<>();

    /** Answers {@code method} with the fixture {@code resource} (under /matomo/). */
    FakeMatomo answer(String method, String resource) {
        String body = fixture(resource);
        return answer(method, c -> body);
    }

    /** Answers {@code method} with a body computed from the call (a JSON value, or an error object). */
    FakeMatomo answer(String method, Function<Call, String> body) {
        methods.put(method, body);
        return this;
    }

    /** Answers every HTTP request whose (top-level) method is {@code method} with a raw response. */
    FakeMatomo http(String method, Function<Call, MockResponse> response) {
        raw.put(method, response);
        return this;
    }

    static String fixture(String resource) {
        try (InputStream in = FakeMatomo.class.getResourceAsStream("/matomo/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String error(String message) {
        return "{\"result\":\"error\",\"message\":\"" + message.replace("\"", "\\\"") + "\"}";
    }

    List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        Map<String, String> form = decode(body);
        requests.add(new Http(
                request.getUrl().encodedPath(),
                String.valueOf(request.getUrl().encodedQuery()),
                String.valueOf(request.getHeaders().get("Content-Type")),
                body,
                form,
                String.valueOf(request.getHeaders().get("Authorization"))));
        String method = form.getOrDefault("method", "");
        Call top = new Call(method, form);
        Function<Call, MockResponse> r = raw.get(method);
        if (r != null) {
            calls.add(top);
            return r.apply(top);
        }
        if (method.equals("API.getBulkRequest")) {
            List<String> answers = new ArrayList<>();
            for (int i = 0; form.containsKey("urls[" + i + "]"); i++) {
                // Matomo url-decodes each urls[i] (after PHP decoded the form) and parses it as a query string
                Map<String, String> sub =
                        decode(URLDecoder.decode(form.get("urls[" + i + "]"), StandardCharsets.UTF_8));
                answers.add(answer(new Call(sub.getOrDefault("method", ""), sub)));
            }
            return json(200, "[" + String.join(",", answers) + "]");
        }
        String answer = answer(top);
        return json(answer.contains("\"result\":\"error\"") ? 400 : 200, answer);
    }

    private String answer(Call call) {
        calls.add(call);
        Function<Call, String> f = methods.get(call.method());
        if (f == null) {
            return error("The method '" + call.method() + "' does not exist or is not available in the module.");
        }
        return f.apply(call);
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", "application/json; charset=utf-8")
                .body(body)
                .build();
    }

    static Map<String, String> decode(String query) {
        Map<String, String> out = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return out;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }
}
