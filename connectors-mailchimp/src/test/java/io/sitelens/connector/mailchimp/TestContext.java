package io.sitelens.connector.mailchimp;

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
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A plugin context for tests: short timeouts, a counting usage meter, the real slf4j loggers. */
final class TestContext implements PluginContext {
    final AtomicLong apiCalls = new AtomicLong();
    private final HttpSettings http;
    private final BlobStore blobs = new InMemoryBlobStore();

    TestContext() {
        this(HttpSettings.DEFAULTS.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(10)));
    }

    TestContext(HttpSettings http) {
        this.http = http;
    }

    @Override
    public ProjectKey project() {
        return ProjectKey.of("acme", "shop");
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
        return (kind, amount) -> {
            if (kind == UsageKind.API_CALL) {
                apiCalls.addAndGet(amount);
            }
        };
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
        return Optional.empty();
    }
}
