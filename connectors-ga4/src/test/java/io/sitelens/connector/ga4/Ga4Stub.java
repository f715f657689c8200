package io.sitelens.connector.ga4;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import io.sitelens.memory.InMemoryBlobStore;
import io.sitelens.model.ProjectKey;
import io.sitelens.model.Secret;
import io.sitelens.model.SecretRef;
import io.sitelens.model.TenantId;
import io.sitelens.model.UsageKind;
import io.sitelens.spi.HttpSettings;
import io.sitelens.spi.PluginContext;
import io.sitelens.spi.UsageMeter;
import io.sitelens.spi.connector.ConnectorCapability;
import io.sitelens.spi.connector.ConnectorConfig;
import io.sitelens.spi.connector.MetricConnector;
import io.sitelens.spi.storage.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * A WireMock server speaking the GA4 Data API's HTTP/JSON protocol (and the OAuth token endpoint a generated
 * service-account key points at), plus a recording {@link PluginContext}.
 */
final class Ga4Stub implements AutoCloseable {
    static final String PROPERTY = "123456789";
    static final String CLIENT_EMAIL = "sitelens-test@example-project.iam.gserviceaccount.com";
    static final String ACCESS_TOKEN = "ya29.synthetic-access-token-5f2c";
    static final String BASE = "/v1beta/properties/" + PROPERTY;

    final WireMockServer server;
    final String privateKeyBase64;
    final String keyJson;

    Ga4Stub() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        try {
            var kpg = KeyPairGenerator.getInstance("RSA");
            kpg.initialize(2048);
            privateKeyBase64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(kpg.generateKeyPair().getPrivate().getEncoded());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String pem = "-----BEGIN PRIVATE KEY-----\n" + privateKeyBase64 + "\n-----END PRIVATE KEY-----\n";
        com.google.gson.JsonObject key = new com.google.gson.JsonObject();
        key.addProperty("type", "service_account");
        key.addProperty("project_id", "example-project");
        key.addProperty("private_key_id", "k1");
        key.addProperty("private_key", pem);
        key.addProperty("client_email", CLIENT_EMAIL);
        key.addProperty("client_id", "1");
        key.addProperty("token_uri", url() + "/token");
        keyJson = key.toString();
        server.stubFor(post(urlPathEqualTo("/token")).willReturn(json(200, "token.synthetic.json")));
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The secret's distinctive part: a line of the generated private key. */
    String privateKeyFragment() {
        return privateKeyBase64.split("\n")[3];
    }

    static String fixture(String name) {
        try (InputStream in = Ga4Stub.class.getResourceAsStream("/ga4/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String fixture) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody(fixture(fixture));
    }

    void stub(MappingBuilder mapping) {
        server.stubFor(mapping);
    }

    void metadata(String fixture) {
        server.stubFor(get(urlPathEqualTo(BASE + "/metadata")).willReturn(json(200, fixture)));
    }

    void compatible() {
        server.stubFor(post(urlPathEqualTo(BASE + ":checkCompatibility"))
                .willReturn(json(200, "checkCompatibility.synthetic-compatible.json")));
    }

    static MappingBuilder runReport() {
        return post(urlPathEqualTo(BASE + ":runReport"));
    }

    static MappingBuilder batch() {
        return post(urlPathEqualTo(BASE + ":batchRunReports"));
    }

    /** A connector bound to this stub with the generated key as its {@code credentials} secret. */
    Ga4Connector connector(Ga4ConnectorFactory factory, Context context, Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>();
        settings.put("propertyId", "properties/" + PROPERTY);
        settings.put("endpoint", url());
        settings.putAll(extra);
        ConnectorConfig config = new ConnectorConfig(
                "ga4",
                "web",
                TenantId.DEFAULT,
                settings,
                Map.of("credentials", SecretRef.parse("env:GA4_KEY")),
                (tenant, ref) -> Optional.of(Secret.of(keyJson)));
        return factory.create(config, context);
    }

    Ga4Connector connector() {
        return connector(new Ga4ConnectorFactory(), new Context(), Map.of());
    }

    @Override
    public void close() {
        server.stop();
    }

    /** A plugin context that records usage and every log line. */
    static final class Context implements PluginContext {
        final Map<UsageKind, AtomicLong> usage = new ConcurrentHashMap<>();
        final List<String> logs = new CopyOnWriteArrayList<>();
        final Clock clock;
        final HttpSettings http;

        Context() {
            this(Clock.systemUTC(), HttpSettings.DEFAULTS.withMaxRetries(2));
        }

        Context(Clock clock, HttpSettings http) {
            this.clock = clock;
            this.http = http;
        }

        long used(UsageKind kind) {
            AtomicLong v = usage.get(kind);
            return v == null ? 0 : v.get();
        }

        @Override
        public ProjectKey project() {
            return ProjectKey.of("default", "site");
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
            return (kind, amount) ->
                    usage.computeIfAbsent(kind, k -> new AtomicLong()).addAndGet(amount);
        }

        @Override
        public Logger logger(Class<?> type) {
            return new RecordingLogger(type.getName(), logs);
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

    static final class RecordingLogger extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;
        private final transient List<String> lines;

        RecordingLogger(String name, List<String> lines) {
            this.name = name;
            this.lines = lines;
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(
                Level level, Marker marker, String pattern, Object[] args, Throwable t) {
            lines.add(level + " " + MessageFormatter.basicArrayFormat(pattern, args) + (t == null ? "" : " " + t));
        }

        @Override
        public boolean isTraceEnabled() {
            return true;
        }

        @Override
        public boolean isDebugEnabled() {
            return true;
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }
    }
}
