package io.sitelens.sync;

import io.sitelens.ErrorCode;
import io.sitelens.RateLimitedException;
import io.sitelens.SitelensException;
import io.sitelens.model.DateRange;
import io.sitelens.model.DimensionName;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricQuery;
import io.sitelens.model.MetricTable;
import io.sitelens.spi.PluginContext;
import io.sitelens.spi.SitelensPlugin;
import io.sitelens.spi.SitelensSpi;
import io.sitelens.spi.connector.Catalog;
import io.sitelens.spi.connector.ConnectorCapability;
import io.sitelens.spi.connector.ConnectorConfig;
import io.sitelens.spi.connector.DimensionDescriptor;
import io.sitelens.spi.connector.MetricConnector;
import io.sitelens.spi.connector.MetricConnectorFactory;
import io.sitelens.spi.connector.MetricDescriptor;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hand-written fake provider for sync tests: two pages, page views and sessions per day, values that depend
 * on a revision number (so a test can revise recent days), every query's range recorded, and failures on
 * demand (after N queries: an outage or a quota).
 */
final class RecordingConnector implements MetricConnector {
    static final String ID = "recording";

    /** Shared state of one fake provider. */
    static final class Provider {
        final List<String> requests = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger queries = new AtomicInteger();
        volatile int revision;
        volatile int failAfter = Integer.MAX_VALUE;
        volatile boolean quota;
        volatile int unsettledDays = 3;
        volatile long delayMs;
        volatile boolean sampled;

        SitelensPlugin plugin() {
            Provider self = this;
            return new SitelensPlugin() {
                @Override
                public String spiVersion() {
                    return SitelensSpi.VERSION;
                }

                @Override
                public List<MetricConnectorFactory> connectors() {
                    return List.of(new MetricConnectorFactory() {
                        @Override
                        public String id() {
                            return ID;
                        }

                        @Override
                        public String spiVersion() {
                            return SitelensSpi.VERSION;
                        }

                        @Override
                        public Set<ConnectorCapability> capabilities() {
                            return Set.of(ConnectorCapability.SITE_SERIES, ConnectorCapability.PAGE_METRICS);
                        }

                        @Override
                        public List<String> secretKeys() {
                            return List.of();
                        }

                        @Override
                        public MetricConnector create(ConnectorConfig config, PluginContext context) {
                            return new RecordingConnector(self, context);
                        }
                    });
                }
            };
        }

        /** The ranges asked for a stream ("site" = no page dimension, "pages"). */
        List<DateRange> ranges(String stream) {
            List<DateRange> out = new ArrayList<>();
            synchronized (requests) {
                for (String r : requests) {
                    if (r.startsWith(stream + " ")) {
                        String[] p = r.substring(stream.length() + 1).split("\\.\\.");
                        out.add(DateRange.of(LocalDate.parse(p[0]), LocalDate.parse(p[1])));
                    }
                }
            }
            return out;
        }
    }

    static double value(LocalDate day, int page, int revision) {
        return 100 + day.getDayOfMonth() + page * 10 + revision * 1000;
    }

    private final Provider provider;
    private final PluginContext context;

    RecordingConnector(Provider provider, PluginContext context) {
        this.provider = provider;
        this.context = context;
    }

    @Override
    public String providerId() {
        return ID;
    }

    @Override
    public Catalog catalog() {
        return new Catalog(
                List.of(
                        new MetricDescriptor(MetricName.PAGE_VIEWS, "views", "Views", false),
                        new MetricDescriptor(MetricName.SESSIONS, "visits", "Visits", false)),
                List.of(
                        new DimensionDescriptor(DimensionName.DATE, "day", "Day", false),
                        new DimensionDescriptor(DimensionName.PAGE, "path", "Path", false)));
    }

    @Override
    public int unsettledDays() {
        return provider.unsettledDays;
    }

    @Override
    public MetricTable query(MetricQuery query) {
        int n = provider.queries.incrementAndGet();
        if (n > provider.failAfter) {
            if (provider.quota) {
                throw new RateLimitedException(
                        ErrorCode.QUOTA_EXHAUSTED, ID, "daily quota of the property is exhausted", null, null);
            }
            throw new SitelensException(ErrorCode.EXTERNAL_UNAVAILABLE, ID, "provider answered 503", null);
        }
        context.usage().apiCall();
        if (provider.delayMs > 0) {
            try {
                Thread.sleep(provider.delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        boolean pages = query.dimensions().contains(DimensionName.PAGE);
        provider.requests.add((pages ? "pages " : "site ") + query.range().start() + ".."
                + query.range().end());
        MetricTable.Builder t = MetricTable.builder(query.dimensions(), query.metrics());
        for (LocalDate day : query.range()) {
            for (int p = 0; p < (pages ? 2 : 1); p++) {
                List<String> dims = new ArrayList<>();
                for (DimensionName d : query.dimensions()) {
                    dims.add(d.equals(DimensionName.DATE) ? day.toString() : "/p" + p);
                }
                double[] v = new double[query.metrics().size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = value(day, pages ? p : 5, provider.revision) + i;
                }
                t.row(dims, v);
            }
        }
        if (provider.sampled) {
            t.note(io.sitelens.model.DataQualityNote.Kind.SAMPLED, "read 10% of the events");
        }
        return t.build();
    }
}
