package io.sitelens.connector.ga4;

import static io.sitelens.connector.ga4.Ga4Stub.json;

import io.sitelens.model.DateRange;
import io.sitelens.model.DimensionName;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricQuery;
import io.sitelens.model.ValueType;
import io.sitelens.spi.connector.MetricConnector;
import io.sitelens.spi.connector.MetricConnectorFactory;
import io.sitelens.tck.connector.MetricConnectorContract;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The connector contract kit, run against a stub replaying the real Airbyte report and metadata. */
class Ga4ConnectorContractTest extends MetricConnectorContract {
    private static Ga4Stub stub;

    @BeforeAll
    static void start() {
        stub = new Ga4Stub();
        stub.metadata("getMetadata.airbyte-subset.json");
        stub.compatible();
        stub.stub(Ga4Stub.runReport().willReturn(json(200, "runReport.airbyte-date-device-os-browser.json")));
    }

    @AfterAll
    static void stop() {
        stub.close();
    }

    @Override
    protected MetricConnectorFactory factory() {
        return new Ga4ConnectorFactory();
    }

    @Override
    protected MetricConnector newConnector() {
        return stub.connector();
    }

    private static MetricName ga4(String name) {
        return MetricName.nativeName("ga4", name, ValueType.NUMBER);
    }

    @Override
    protected MetricQuery dailyQuery() {
        return MetricQuery.builder(DateRange.parse("2022-07-01", "2022-07-31"))
                .metric(ga4("totalUsers"))
                .metric(MetricName.NEW_USERS)
                .metric(MetricName.SESSIONS)
                .metric(ga4("sessionsPerUser"))
                .metric(MetricName.AVERAGE_SESSION_DURATION)
                .metric(MetricName.PAGE_VIEWS)
                .metric(ga4("screenPageViewsPerSession"))
                .metric(MetricName.BOUNCE_RATE)
                .dimension(DimensionName.DATE)
                .dimension(new DimensionName("ga4:deviceCategory"))
                .dimension(new DimensionName("ga4:operatingSystem"))
                .dimension(new DimensionName("ga4:browser"))
                .build();
    }

    @Override
    protected List<String> secretValues() {
        return List.of(stub.privateKeyFragment(), Ga4Stub.ACCESS_TOKEN);
    }
}
