package io.sitelens.connector.matomo;

import io.sitelens.memory.InMemoryBlobStore;
import io.sitelens.model.ProjectKey;
import io.sitelens.model.UsageKind;
import io.sitelens.spi.HttpSettings;
import io.sitelens.spi.PluginContext;
import io.sitelens.spi.UsageMeter;
import io.sitelens.spi.connector.ConnectorCapability;
import io.sitelens.spi.connector.MetricConnector;
import io.sitelens.spi.storage.BlobStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/** A hand-written {@link PluginContext}: short timeouts, a usage meter that counts, a logger that records. */
final class TestContext implements PluginContext {
    final Map<UsageKind, AtomicLong> usage = new ConcurrentHashMap<>();
    final RecordingLogger logger = new RecordingLogger("matomo-test");
    private final HttpSettings http;

    TestContext() {
        this(HttpSettings.DEFAULTS.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(10)));
    }

    TestContext(HttpSettings http) {
        this.http = http;
    }

    long used(UsageKind kind) {
        AtomicLong v = usage.get(kind);
        return v == null ? 0 : v.get();
    }

    @Override
    public ProjectKey project() {
        return ProjectKey.of("default", "acme");
    }

    @Override
    public HttpSettings http() {
        return http;
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Override
    public UsageMeter usage() {
        return (kind, amount) ->
                usage.computeIfAbsent(kind, k -> new AtomicLong()).addAndGet(amount);
    }

    @Override
    public Logger logger(Class<?> type) {
        return logger;
    }

    @Override
    public BlobStore blobs() {
        return new InMemoryBlobStore();
    }

    @Override
    public Optional<MetricConnector> connectorWith(ConnectorCapability capability) {
        return Optional.empty();
    }
}
