package io.sitelens.model;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.TreeMap;

/**
 * A connector bound to a project: the binding id ({@code --source} names it), the provider id
 * ({@code ga4}, {@code matomo}, …), plain settings, and secret references (never values).
 */
public record ConnectorBinding(
        String bindingId, String providerId, Map<String, String> settings, Map<String, SecretRef> secrets) {
    public ConnectorBinding {
        Ids.check("binding id", bindingId);
        Ids.check("provider id", providerId);
        settings = Map.copyOf(requireNonNull(settings, "settings"));
        secrets = Map.copyOf(requireNonNull(secrets, "secrets"));
    }

    public static ConnectorBinding of(String bindingId, String providerId, Map<String, String> settings) {
        return new ConnectorBinding(bindingId, providerId, settings, Map.of());
    }

    @Override
    public String toString() {
        // settings are not secrets, but keep the output stable and readable
        return "ConnectorBinding[" + bindingId + " -> " + providerId + ", settings=" + new TreeMap<>(settings)
                + ", secrets=" + new TreeMap<>(secrets) + "]";
    }
}
