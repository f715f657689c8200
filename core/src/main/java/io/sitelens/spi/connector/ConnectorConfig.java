package io.sitelens.spi.connector;

import static java.util.Objects.requireNonNull;

import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.model.Secret;
import io.sitelens.model.SecretRef;
import io.sitelens.model.TenantId;
import io.sitelens.spi.secret.SecretResolver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A binding's configuration as a plugin reads it: typed getters over plain settings, and secrets resolved
 * on demand through the tenant's {@link SecretResolver}. Errors name the provider id, the binding and the
 * key, never a secret's value.
 */
public final class ConnectorConfig {
    private final String providerId;
    private final String bindingId;
    private final TenantId tenant;
    private final Map<String, String> settings;
    private final Map<String, SecretRef> secrets;
    private final SecretResolver resolver;

    public ConnectorConfig(
            String providerId,
            String bindingId,
            TenantId tenant,
            Map<String, String> settings,
            Map<String, SecretRef> secrets,
            SecretResolver resolver) {
        this.providerId = requireNonNull(providerId, "providerId");
        this.bindingId = requireNonNull(bindingId, "bindingId");
        this.tenant = requireNonNull(tenant, "tenant");
        this.settings = Map.copyOf(requireNonNull(settings, "settings"));
        this.secrets = Map.copyOf(requireNonNull(secrets, "secrets"));
        this.resolver = requireNonNull(resolver, "resolver");
    }

    /** A config with plain settings only, for tests and programmatic hosts. */
    public static ConnectorConfig of(String providerId, String bindingId, Map<String, String> settings) {
        return new ConnectorConfig(providerId, bindingId, TenantId.DEFAULT, settings, Map.of(), SecretResolver.NONE);
    }

    public String providerId() {
        return providerId;
    }

    public String bindingId() {
        return bindingId;
    }

    public TenantId tenant() {
        return tenant;
    }

    public Map<String, String> settings() {
        return settings;
    }

    public Optional<String> string(String key) {
        String v = settings.get(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    public String requireString(String key) {
        return string(key).orElseThrow(() -> invalid(key, "is required"));
    }

    public int integer(String key, int defaultValue) {
        return parse(key, defaultValue, Integer::valueOf, "a whole number");
    }

    public long longValue(String key, long defaultValue) {
        return parse(key, defaultValue, Long::valueOf, "a whole number");
    }

    public boolean bool(String key, boolean defaultValue) {
        return parse(
                key,
                defaultValue,
                v -> {
                    if (!v.equals("true") && !v.equals("false")) {
                        throw new IllegalArgumentException(v);
                    }
                    return Boolean.valueOf(v);
                },
                "true or false");
    }

    /** A duration written as ISO-8601 ({@code PT30S}) or as a number with {@code ms}, {@code s} or {@code m}. */
    public Duration duration(String key, Duration defaultValue) {
        return parse(key, defaultValue, ConnectorConfig::parseDuration, "a duration such as 30s, 500ms or PT1M");
    }

    static Duration parseDuration(String v) {
        if (v.startsWith("P") || v.startsWith("p")) {
            return Duration.parse(v);
        }
        if (v.endsWith("ms")) {
            return Duration.ofMillis(
                    Long.parseLong(v.substring(0, v.length() - 2).trim()));
        }
        if (v.endsWith("s")) {
            return Duration.ofSeconds(
                    Long.parseLong(v.substring(0, v.length() - 1).trim()));
        }
        if (v.endsWith("m")) {
            return Duration.ofMinutes(
                    Long.parseLong(v.substring(0, v.length() - 1).trim()));
        }
        throw new IllegalArgumentException(v);
    }

    private <T> T parse(String key, T defaultValue, Function<String, T> parser, String expected) {
        Optional<String> v = string(key);
        if (v.isEmpty()) {
            return defaultValue;
        }
        try {
            return parser.apply(v.get());
        } catch (RuntimeException e) {
            throw invalid(key, "must be " + expected + ", got '" + v.get() + "'");
        }
    }

    public boolean hasSecret(String key) {
        return secrets.containsKey(key);
    }

    /** Resolves the secret named {@code key} now; fails naming the key and reference (never a value). */
    public Secret secret(String key) {
        SecretRef ref = secrets.get(key);
        if (ref == null) {
            throw invalid(key, "is required and must be a secret reference (env:NAME or file:PATH)");
        }
        return resolver.resolve(tenant, ref)
                .orElseThrow(() -> new SitelensException(
                        ErrorCode.SECRET_UNRESOLVED,
                        providerId,
                        "binding '" + bindingId + "': secret '" + key + "' (" + ref + ") could not be resolved",
                        null));
    }

    public Optional<Secret> optionalSecret(String key) {
        return secrets.containsKey(key) ? Optional.of(secret(key)) : Optional.empty();
    }

    /** Fails at once if any of {@code keys} is missing, naming them all. */
    public void requireAll(List<String> settingKeys, List<String> secretKeys) {
        List<String> missing = new ArrayList<>();
        settingKeys.stream().filter(k -> string(k).isEmpty()).forEach(missing::add);
        secretKeys.stream()
                .filter(k -> !secrets.containsKey(k))
                .map(k -> k + " (secret)")
                .forEach(missing::add);
        if (!missing.isEmpty()) {
            throw new SitelensException(
                    ErrorCode.CONFIG_INVALID,
                    providerId,
                    "binding '" + bindingId + "' is missing " + String.join(", ", missing),
                    null);
        }
    }

    public SitelensException invalid(String key, String problem) {
        return new SitelensException(
                ErrorCode.CONFIG_INVALID, providerId, "binding '" + bindingId + "': " + key + " " + problem, null);
    }

    @Override
    public String toString() {
        return "ConnectorConfig[" + providerId + "/" + bindingId + ", settings=" + new TreeMap<>(settings)
                + ", secrets=" + new TreeMap<>(secrets).keySet() + "]";
    }
}
