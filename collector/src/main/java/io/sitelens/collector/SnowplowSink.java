package io.sitelens.collector;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.model.ProjectKey;
import io.sitelens.spi.sink.EventSink;
import io.sitelens.spi.storage.BehaviourEvent;
import io.sitelens.spi.storage.VisitSession;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Forwards behaviour events to a Snowplow collector with the tracker protocol's POST endpoint
 * ({@code /com.snowplowanalytics.snowplow/tp2}) as a {@code payload_data} 1-0-4 self-describing JSON: page views
 * as {@code e=pv}, everything else as structured events ({@code e=se}, category {@code sitelens}, action the
 * event kind, label the selector or form id, value the scroll depth or engaged milliseconds, property the
 * position). The domain user id is the visitor's cookie id when they consented to it, else the daily
 * cookieless id; no IP address or user agent is sent (the request comes from this server).
 */
public final class SnowplowSink implements EventSink {
    public static final String ID = "snowplow";
    public static final String PAYLOAD_SCHEMA = "iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4";
    static final String TRACKER_VERSION = "sitelens-collector-0.1";
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final HttpUrl endpoint;
    private final String appId;
    private final URI siteUrl;
    private final OkHttpClient http;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    private SnowplowSink(Builder b) {
        HttpUrl base = HttpUrl.get(requireNonNull(b.collector, "collector").toString());
        this.endpoint = base.newBuilder()
                .encodedPath("/com.snowplowanalytics.snowplow/tp2")
                .build();
        this.appId = requireNonNull(b.appId, "appId");
        this.siteUrl = requireNonNull(b.siteUrl, "siteUrl");
        this.clock = b.clock;
        this.http = new OkHttpClient.Builder()
                .connectTimeout(b.timeout)
                .readTimeout(b.timeout)
                .writeTimeout(b.timeout)
                .callTimeout(b.timeout.multipliedBy(2))
                .followRedirects(false)
                .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void accept(ProjectKey project, VisitSession session, List<BehaviourEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        ObjectNode body = json.createObjectNode();
        body.put("schema", PAYLOAD_SCHEMA);
        ArrayNode data = body.putArray("data");
        String stm = Long.toString(clock.millis());
        for (BehaviourEvent e : events) {
            data.add(payload(session, e, stm));
        }
        Request request = new Request.Builder()
                .url(endpoint)
                .post(RequestBody.create(body.toString(), JSON))
                .build();
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new SitelensException(
                        response.code() >= 500 ? ErrorCode.EXTERNAL_UNAVAILABLE : ErrorCode.EXTERNAL_REJECTED,
                        "snowplow: collector " + endpoint.host() + " answered HTTP " + response.code());
            }
        } catch (InterruptedIOException e) {
            throw new SitelensException(
                    ErrorCode.EXTERNAL_TIMEOUT, "snowplow: collector " + endpoint.host() + " timed out", e);
        } catch (IOException e) {
            throw new SitelensException(
                    ErrorCode.EXTERNAL_UNAVAILABLE,
                    "snowplow: cannot reach collector " + endpoint.host() + " (" + e.getMessage() + ")",
                    e);
        }
    }

    private ObjectNode payload(VisitSession s, BehaviourEvent e, String stm) {
        ObjectNode p = json.createObjectNode();
        boolean pageView = e.kind() == BehaviourEvent.Kind.PAGE_VIEW;
        p.put("e", pageView ? "pv" : "se");
        p.put("p", "web");
        p.put("tv", TRACKER_VERSION);
        p.put("aid", appId);
        p.put("eid", UUID.randomUUID().toString());
        p.put("dtm", Long.toString(e.at().toEpochMilli()));
        p.put("stm", stm);
        p.put("url", siteUrl.resolve(e.page()).toString());
        p.put("duid", e.cookieId() != null ? e.cookieId() : e.visitorId());
        p.put("sid", sessionUuid(e.sessionId()));
        p.put("vp", e.viewportWidth() + "x" + e.viewportHeight());
        put(p, "res", s.screen());
        put(p, "tz", s.timeZone());
        put(p, "lang", s.language());
        if (pageView) {
            put(p, "refr", s.referrer());
        } else {
            p.put("se_ca", "sitelens");
            p.put("se_ac", e.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            String label = e.selector() != null ? e.selector() : e.formId();
            put(p, "se_la", label);
            if (e.x() != 0 || e.y() != 0) {
                p.put("se_pr", e.x() + "," + e.y());
            }
            if (e.value() != 0) {
                p.put("se_va", Double.toString(e.value()));
            }
        }
        return p;
    }

    /** Snowplow wants a UUID session id; ours is 32 hex digits, written as one. */
    static String sessionUuid(String sessionId) {
        if (sessionId.matches("[0-9a-f]{32}")) {
            return sessionId.substring(0, 8) + "-" + sessionId.substring(8, 12) + "-" + sessionId.substring(12, 16)
                    + "-" + sessionId.substring(16, 20) + "-" + sessionId.substring(20);
        }
        return UUID.nameUUIDFromBytes(sessionId.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }

    private static void put(ObjectNode p, String key, @Nullable String value) {
        if (value != null) {
            p.put(key, value);
        }
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** Configures a {@link SnowplowSink}: the collector URL, the app id and the site's base URL are required. */
    public static final class Builder {
        private @Nullable URI collector;
        private @Nullable String appId;
        private @Nullable URI siteUrl;
        private Duration timeout = Duration.ofSeconds(5);
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** The Snowplow collector's base URL ({@code https://collector.example.org}). */
        public Builder collector(URI collector) {
            this.collector = requireNonNull(collector, "collector");
            return this;
        }

        /** The {@code aid} field. */
        public Builder appId(String appId) {
            this.appId = requireNonNull(appId, "appId");
            return this;
        }

        /** The site's base URL; event pages (paths) are resolved against it for {@code url}. */
        public Builder siteUrl(URI siteUrl) {
            this.siteUrl = requireNonNull(siteUrl, "siteUrl");
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = requireNonNull(timeout, "timeout");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = requireNonNull(clock, "clock");
            return this;
        }

        public SnowplowSink build() {
            return new SnowplowSink(this);
        }
    }
}
