package io.sitelens.connector.file;

import io.sitelens.model.DateRange;
import io.sitelens.model.DimensionName;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricQuery;
import io.sitelens.spi.connector.MetricConnector;
import io.sitelens.spi.connector.MetricConnectorFactory;
import io.sitelens.tck.connector.MetricConnectorContract;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** The file connector keeps the connector contract over a canonical-header export. */
class FileConnectorContractTest extends MetricConnectorContract {
    @TempDir
    static Path dir;

    @Override
    protected MetricConnectorFactory factory() {
        return new FileConnectorFactory();
    }

    @Override
    protected MetricConnector newConnector() {
        return Connectors.open(Connectors.copy("synthetic-pages.csv", dir));
    }

    @Override
    protected MetricQuery dailyQuery() {
        return MetricQuery.builder(DateRange.parse("2026-01-02", "2026-01-05"))
                .metrics(List.of(MetricName.PAGE_VIEWS, MetricName.BOUNCE_RATE, MetricName.AVERAGE_ENGAGEMENT_TIME))
                .dimensions(List.of(DimensionName.DATE, DimensionName.PAGE))
                .build();
    }
}
