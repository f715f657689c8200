package io.sitelens.collector.internal;

import com.maxmind.db.CHMCache;
import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.model.CityResponse;
import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A GeoIP2 (or GeoLite2) City database, looked up in memory. The address is not kept. */
public final class GeoLookup implements AutoCloseable {
    /** Country (ISO code) and city name; either may be null. */
    public record Place(@Nullable String country, @Nullable String city) {}

    private final DatabaseReader reader;

    private GeoLookup(DatabaseReader reader) {
        this.reader = reader;
    }

    public static GeoLookup open(Path database) {
        try {
            return new GeoLookup(new DatabaseReader.Builder(database.toFile())
                    .withCache(new CHMCache())
                    .build());
        } catch (IOException e) {
            throw new SitelensException(
                    ErrorCode.CONFIG_INVALID,
                    "collector: cannot open the GeoIP2 city database " + database + " (" + e.getMessage() + ")",
                    e);
        }
    }

    public Optional<Place> city(InetAddress address) {
        try {
            Optional<CityResponse> r = reader.tryCity(address);
            return r.map(c -> new Place(c.country().isoCode(), c.city().name()));
        } catch (IOException | com.maxmind.geoip2.exception.GeoIp2Exception | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            // nothing to release beyond the mapped file
        }
    }
}
