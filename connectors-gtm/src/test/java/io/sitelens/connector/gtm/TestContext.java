package io.sitelens.connector.gtm;

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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A plugin context whose other bindings are whatever the test puts in, with a fixed clock and a counting meter. */
final class TestContext implements PluginContext {
    final Map<ConnectorCapability, MetricConnector> others = new EnumMap<>(ConnectorCapability.class);
    final Map<UsageKind, AtomicLong> usage = new ConcurrentHashMap<>();
    final Clock clock;
    private final BlobStore blobs = new InMemoryBlobStore();

    TestContext(@Nullable MetricConnector ga4, String today) {
        if (ga4 != null) {
            others.put(ConnectorCapability.GA4_EVENTS, ga4);
        }
        this.clock = Clock.fixed(Instant.parse(today + "T12:00:00Z"), ZoneOffset.UTC);
    }

    long used(UsageKind kind) {
        AtomicLong v = usage.get(kind);
        return v == null ? 0 : v.get();
    }

    @Override
    public ProjectKey project() {
        return ProjectKey.of("default", "test-site");
    }

    @Override
    public HttpSettings http() {
        return HttpSettings.DEFAULTS;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public UsageMeter usage() {
        return (kind, amount) ->
                usage.computeIfAbsent(kind, k -> new AtomicLong()).addAndGet(amount);
    }

    @Override
    public Logger logger(Class<?> type) {
        return LoggerFactory.getLogger(type);
    }

    @Override
    public BlobStore blobs() {
        return blobs;
    }

    @Override
    public Optional<MetricConnector> connectorWith(ConnectorCapability capability) {
        return Optional.ofNullable(others.get(capability));
    }
}
