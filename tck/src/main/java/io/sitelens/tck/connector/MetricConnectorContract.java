package io.sitelens.tck.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sitelens.ErrorCategory;
import io.sitelens.SitelensException;
import io.sitelens.model.DimensionName;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricQuery;
import io.sitelens.model.MetricRow;
import io.sitelens.model.MetricTable;
import io.sitelens.model.ValueType;
import io.sitelens.spi.connector.Catalog;
import io.sitelens.spi.connector.MetricConnector;
import io.sitelens.spi.connector.MetricConnectorFactory;
import io.sitelens.spi.connector.MetricDescriptor;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link MetricConnector} keeps. Extend it with a connector bound to a local server that
 * replays real provider responses (or any data source the test controls), and tell the kit which query that
 * source can answer.
 */
public abstract class MetricConnectorContract {

    protected MetricConnector connector;

    /** The factory under test (its id, capabilities and keys are checked). */
    protected abstract MetricConnectorFactory factory();

    /** A connector made by {@link #factory()}, bound to the test's data. Called before every test. */
    protected abstract MetricConnector newConnector();

    /**
     * A query the data can answer with at least one row: daily metrics with the {@code date} dimension, and at
     * least one COUNT metric.
     */
    protected abstract MetricQuery dailyQuery();

    /** The secret values the connector was configured with; none may appear in toString or error messages. */
    protected List<String> secretValues() {
        return List.of();
    }

    @BeforeEach
    void open() {
        connector = newConnector();
    }

    @AfterEach
    void close() {
        connector.close();
    }

    @Nested
    class Identity {
        @Test
        void the_connector_reports_the_factory_id() {
            assertThat(connector.providerId())
                    .as("MetricConnector.providerId() must equal its factory's id")
                    .isEqualTo(factory().id());
        }

        @Test
        void the_factory_id_is_a_short_lowercase_word() {
            assertThat(factory().id()).matches("[a-z][a-z0-9-]*");
        }

        @Test
        void secret_keys_are_not_also_plain_setting_keys() {
            for (String secretKey : factory().secretKeys()) {
                assertThat(factory().settingKeys())
                        .as("a key is either a plain setting or a secret, never both")
                        .doesNotContain(secretKey);
            }
        }

        @Test
        void no_secret_appears_in_to_string() {
            for (String secret : secretValues()) {
                assertThat(connector.toString()).doesNotContain(secret);
            }
        }
    }

    @Nested
    class Catalogue {
        @Test
        void the_catalog_lists_metrics_with_parseable_unique_names() {
            Catalog c = connector.catalog();
            assertThat(c.metrics()).as("a connector offers at least one metric").isNotEmpty();
            Set<String> names = new HashSet<>();
            for (MetricDescriptor m : c.metrics()) {
                assertThat(names.add(m.name().name()))
                        .as("metric listed twice: " + m.name())
                        .isTrue();
                if (!m.name().isCanonical()) {
                    assertThat(m.name().provider())
                            .as("native metric names are prefixed with the provider id: " + m.name())
                            .contains(factory().id());
                }
            }
        }

        @Test
        void every_metric_of_the_daily_query_is_in_the_catalog() {
            Catalog c = connector.catalog();
            for (MetricName m : dailyQuery().metrics()) {
                assertThat(c.metric(m))
                        .as("catalog lacks " + m + " although the query uses it")
                        .isPresent();
            }
        }
    }

    @Nested
    class Queries {
        @Test
        void columns_follow_the_requested_order() {
            MetricQuery q = dailyQuery();
            MetricTable t = connector.query(q);
            assertThat(t.dimensions()).isEqualTo(q.dimensions());
            assertThat(t.metrics())
                    .extracting(MetricName::name)
                    .isEqualTo(q.metrics().stream().map(MetricName::name).toList());
            assertThat(t.rows()).as("the daily query must return rows").isNotEmpty();
        }

        @Test
        void dates_are_iso_days_within_the_range() {
            MetricQuery q = dailyQuery();
            MetricTable t = connector.query(q);
            int di = t.dimensionIndex(DimensionName.DATE);
            for (MetricRow r : t.rows()) {
                LocalDate d = LocalDate.parse(r.dimension(di));
                assertThat(q.range().contains(d))
                        .as("row dated " + d + " outside " + q.range())
                        .isTrue();
            }
        }

        @Test
        void values_are_in_canonical_units() {
            MetricTable t = connector.query(dailyQuery());
            for (int m = 0; m < t.metrics().size(); m++) {
                ValueType type = t.type(m);
                for (MetricRow r : t.rows()) {
                    double v = r.value(m);
                    if (Double.isNaN(v)) {
                        continue;
                    }
                    switch (type) {
                        case COUNT ->
                            assertThat(v)
                                    .as(t.metrics().get(m) + " is a count")
                                    .isGreaterThanOrEqualTo(0)
                                    .isEqualTo(Math.rint(v));
                        case RATE ->
                            assertThat(v)
                                    .as(t.metrics().get(m) + " is a fraction in [0,1], not a percentage")
                                    .isBetween(0.0, 1.0);
                        case DURATION ->
                            assertThat(v).as(t.metrics().get(m) + " is seconds").isGreaterThanOrEqualTo(0);
                        case CURRENCY, NUMBER ->
                            assertThat(Double.isInfinite(v)).isFalse();
                    }
                }
            }
        }

        @Test
        void the_row_limit_is_respected() {
            MetricQuery q = dailyQuery().newBuilder().rowLimit(1).build();
            assertThat(connector.query(q).rows()).hasSizeLessThanOrEqualTo(1);
        }

        @Test
        void an_unknown_native_metric_is_a_user_error_naming_the_provider() {
            MetricQuery q = dailyQuery()
                    .newBuilder()
                    .metric(MetricName.nativeName(factory().id(), "noSuchMetricXyz", ValueType.NUMBER))
                    .build();
            assertThatThrownBy(() -> connector.query(q)).isInstanceOfSatisfying(SitelensException.class, e -> {
                assertThat(e.category())
                        .as("asking for a metric that does not exist is the user's error")
                        .isEqualTo(ErrorCategory.USER);
                assertThat(e.providerId()).isEqualTo(factory().id());
                assertThat(e.getMessage()).contains("noSuchMetricXyz");
                secretValues().forEach(s -> assertThat(e.getMessage()).doesNotContain(s));
            });
        }
    }
}
