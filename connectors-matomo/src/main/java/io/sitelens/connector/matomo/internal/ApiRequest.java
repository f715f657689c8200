package io.sitelens.connector.matomo.internal;

import static java.util.Objects.requireNonNull;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One Matomo API call: a method ({@code VisitsSummary.get}) and its parameters, without {@code module},
 * {@code format} or any credential (the client adds those).
 */
public record ApiRequest(String method, Map<String, String> params) {
    public ApiRequest {
        requireNonNull(method, "method");
        if (!method.matches("[A-Za-z0-9_]+\\.[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("not a Matomo API method: " + method);
        }
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(params, "params")));
        for (String k : params.keySet()) {
            if (k.equalsIgnoreCase("token_auth")) {
                throw new IllegalArgumentException("credentials are added by the client, never as a parameter");
            }
        }
    }

    public static ApiRequest of(String method, Map<String, String> params) {
        return new ApiRequest(method, params);
    }

    /** A copy with one parameter set (replacing any previous value). */
    public ApiRequest with(String key, String value) {
        Map<String, String> p = new LinkedHashMap<>(params);
        p.put(key, value);
        return new ApiRequest(method, p);
    }

    /**
     * The sub-request as {@code API.getBulkRequest} wants it in {@code urls[i]}: a query string with every
     * value URL-encoded ({@code method=…&idSite=…&format_metrics=0}). The caller's form encoding adds the
     * outer level.
     */
    String bulkQueryString() {
        StringJoiner j = new StringJoiner("&");
        j.add("method=" + encode(method));
        params.forEach((k, v) -> j.add(encode(k) + "=" + encode(v)));
        j.add("format_metrics=0");
        return j.toString();
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return method + params;
    }
}
