package io.sitelens.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sitelens.SitelensException;
import io.sitelens.collector.internal.GeoLookup;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class GeoLookupTest {
    @Test
    void the_test_database_resolves_known_addresses_to_their_city() {
        try (GeoLookup geo = GeoLookup.open(CollectorTest.geoDb())) {
            assertThat(geo.city(Batches.ip("81.2.69.160"))).contains(new GeoLookup.Place("GB", "London"));
            assertThat(geo.city(Batches.ip("89.160.20.112"))).contains(new GeoLookup.Place("SE", "Linköping"));
            assertThat(geo.city(Batches.ip("10.10.10.10"))).isEmpty();
        }
    }

    @Test
    void a_missing_database_is_a_config_error_naming_the_file() {
        assertThatThrownBy(() -> GeoLookup.open(Path.of("/nonexistent/city.mmdb")))
                .isInstanceOf(SitelensException.class)
                .hasMessageContaining("/nonexistent/city.mmdb");
    }
}
