package io.sitelens.internal.engine;

import static java.util.Objects.requireNonNull;

import io.sitelens.model.ConnectorBinding;
import io.sitelens.model.Project;
import io.sitelens.model.ProjectKey;
import io.sitelens.spi.HttpSettings;
import io.sitelens.spi.PluginContext;
import io.sitelens.spi.UsageMeter;
import io.sitelens.spi.connector.ConnectorCapability;
import io.sitelens.spi.connector.MetricConnector;
import io.sitelens.spi.connector.MetricConnectorFactory;
import io.sitelens.spi.storage.BlobStore;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link PluginContext} of one plugin instance working for one binding of a project. Other bindings are
 * opened lazily, once, when the plugin asks for a capability.
 */
public final class DefaultPluginContext implements PluginContext {
    private final Project project;
    private final String ownBindingId;
    private final HttpSettings http;
    private final Clock clock;
    private final UsageMeter usage;
    private final BlobStore blobs;
    private final Map<String, MetricConnectorFactory> factories;
    private final BiFunction<Project, String, MetricConnector> opener;
    private final Map<String, MetricConnector> opened = new ConcurrentHashMap<>();

    public DefaultPluginContext(
            Project project,
            String ownBindingId,
            HttpSettings http,
            Clock clock,
            UsageMeter usage,
            BlobStore blobs,
            Map<String, MetricConnectorFactory> factories,
            BiFunction<Project, String, MetricConnector> opener) {
        this.project = requireNonNull(project, "project");
        this.ownBindingId = requireNonNull(ownBindingId, "ownBindingId");
        this.http = requireNonNull(http, "http");
        this.clock = requireNonNull(clock, "clock");
        this.usage = requireNonNull(usage, "usage");
        this.blobs = requireNonNull(blobs, "blobs");
        this.factories = requireNonNull(factories, "factories");
        this.opener = requireNonNull(opener, "opener");
    }

    @Override
    public ProjectKey project() {
        return project.key();
    }

    @Override
    public HttpSettings http() {
        return http;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public UsageMeter usage() {
        return usage;
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
        for (ConnectorBinding b : project.bindings()) {
            if (b.bindingId().equals(ownBindingId)) {
                continue;
            }
            MetricConnectorFactory f = factories.get(b.providerId());
            if (f != null && f.capabilities().contains(capability)) {
                return Optional.of(opened.computeIfAbsent(b.bindingId(), id -> opener.apply(project, id)));
            }
        }
        return Optional.empty();
    }
}
