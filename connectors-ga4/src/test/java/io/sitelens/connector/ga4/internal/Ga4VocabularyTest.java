package io.sitelens.connector.ga4.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.analytics.data.v1beta.MetricType;
import io.sitelens.model.DimensionName;
import io.sitelens.model.MetricName;
import io.sitelens.model.ValueType;
import org.junit.jupiter.api.Test;

class Ga4VocabularyTest {
    @Test
    void durations_of_every_ga4_unit_become_seconds() {
        assertThat(1500 * Ga4Vocabulary.scale(MetricType.TYPE_MILLISECONDS)).isEqualTo(1.5);
        assertThat(2 * Ga4Vocabulary.scale(MetricType.TYPE_MINUTES)).isEqualTo(120.0);
        assertThat(Ga4Vocabulary.scale(MetricType.TYPE_HOURS)).isEqualTo(3600.0);
        assertThat(Ga4Vocabulary.valueType("customEvent:reading_time", MetricType.TYPE_MILLISECONDS))
                .isEqualTo(ValueType.DURATION);
    }

    @Test
    void ga4_floats_named_rate_are_fractions_and_other_floats_plain_numbers() {
        assertThat(Ga4Vocabulary.valueType("bounceRate", MetricType.TYPE_FLOAT)).isEqualTo(ValueType.RATE);
        assertThat(Ga4Vocabulary.valueType("sessionsPerUser", MetricType.TYPE_FLOAT))
                .isEqualTo(ValueType.NUMBER);
        assertThat(Ga4Vocabulary.valueType("totalRevenue", MetricType.TYPE_CURRENCY))
                .isEqualTo(ValueType.CURRENCY);
    }

    @Test
    void canonical_names_map_to_the_ga4_names_users_expect() {
        assertThat(Ga4Vocabulary.source(MetricName.USERS).orElseThrow().numerator())
                .isEqualTo("activeUsers");
        assertThat(Ga4Vocabulary.source(MetricName.CONVERSIONS).orElseThrow().numerator())
                .isEqualTo("keyEvents");
        assertThat(Ga4Vocabulary.nativeDimension(DimensionName.PAGE)).contains("pagePath");
        assertThat(Ga4Vocabulary.nativeRealtimeDimension(DimensionName.PAGE_TITLE))
                .contains("unifiedScreenName");
    }

    @Test
    void dates_convert_both_ways() {
        assertThat(Ga4Vocabulary.isoDate("20240301")).isEqualTo("2024-03-01");
        assertThat(Ga4Vocabulary.ga4Date("2024-03-01")).isEqualTo("20240301");
        assertThat(Ga4Vocabulary.isoDate("(other)")).isEqualTo("(other)");
    }
}
