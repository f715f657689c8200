package io.sitelens.connector.gtm;

import io.sitelens.model.DateRange;
import io.sitelens.model.DimensionName;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricQuery;
import io.sitelens.spi.connector.ConnectorConfig;
import io.sitelens.spi.connector.MetricConnector;
import io.sitelens.spi.connector.MetricConnectorFactory;
import io.sitelens.tck.connector.MetricConnectorContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The TCK's connector contract, for a gtm binding on the real Analyzify export and a fake GA4 binding. */
class GtmConnectorContractTest extends MetricConnectorContract {
    private static final Path EXPORT;

    static {
        try {
            Path dir = Files.createTempDirectory("gtm-contract");
            EXPORT = Fixtures.copy(Fixtures.ANALYZIFY, dir);
            EXPORT.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected MetricConnectorFactory factory() {
        return new GtmConnectorFactory();
    }

    @Override
    protected MetricConnector newConnector() {
        FakeGa4Connector ga4 = new FakeGa4Connector()
                .add("2026-11-01", "page_view", 120, 0)
                .add("2026-11-01", "purchase", 3, 3)
                .add("2026-11-02", "page_view", 98, 0)
                .add("2026-11-02", "scroll", 40, 0);
        return factory()
                .create(
                        ConnectorConfig.of("gtm", "gtm", Map.of(GtmConnectorFactory.EXPORT_FILE, EXPORT.toString())),
                        new TestContext(ga4, "2026-11-28"));
    }

    @Override
    protected MetricQuery dailyQuery() {
        return MetricQuery.builder(DateRange.parse("2026-11-01", "2026-11-07"))
                .metric(MetricName.EVENT_COUNT)
                .metric(MetricName.CONVERSIONS)
                .dimension(DimensionName.DATE)
                .build();
    }
}
