package io.sitelens.connector.matomo;

import io.sitelens.model.DateRange;
import io.sitelens.model.DimensionName;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricQuery;
import io.sitelens.spi.connector.MetricConnector;
import io.sitelens.spi.connector.MetricConnectorFactory;
import io.sitelens.tck.connector.MetricConnectorContract;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;

/** The connector contract kit, run against a local Matomo replaying Matomo's own test-suite responses. */
class MatomoConnectorContractTest extends MetricConnectorContract {
    private MockWebServer server;

    @Override
    protected MetricConnectorFactory factory() {
        return new MatomoConnectorFactory();
    }

    @Override
    protected MetricConnector newConnector() {
        FakeMatomo matomo = new FakeMatomo()
                .answer("API.getReportMetadata", "API.getReportMetadata_day.derived.json")
                .answer("VisitsSummary.get", "VisitsSummary.get_days.derived.json");
        server = Servers.start(matomo);
        return factory().create(Servers.config(server, Map.of()), new TestContext());
    }

    @Override
    protected MetricQuery dailyQuery() {
        return MetricQuery.builder(DateRange.of(LocalDate.of(2010, 1, 3), LocalDate.of(2010, 1, 9)))
                .metrics(List.of(MetricName.SESSIONS, MetricName.USERS, MetricName.BOUNCE_RATE))
                .metric(MetricName.AVERAGE_SESSION_DURATION)
                .metric(MetricName.nativeName("matomo", "nb_actions", io.sitelens.model.ValueType.COUNT))
                .dimension(DimensionName.DATE)
                .build();
    }

    @Override
    protected List<String> secretValues() {
        return List.of(Servers.TOKEN);
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }
}
