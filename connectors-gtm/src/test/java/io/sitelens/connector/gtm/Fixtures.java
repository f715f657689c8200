package io.sitelens.connector.gtm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads test resources (never the shared fixture folder). */
final class Fixtures {
    static final String ANALYZIFY = "gtm/analyzify-gtm-kit.json";
    static final String GMS = "gtm/gms-gtm-boilerplate-web-container.json";
    static final String VIMEO = "gtm/omid-x-vimeo-tracking-recipe.json";

    private Fixtures() {}

    static String text(String resource) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path copy(String resource, Path dir) {
        try {
            Path p = dir.resolve(Path.of(resource).getFileName().toString());
            Files.writeString(p, text(resource));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GtmContainer container(String resource) {
        return GtmContainer.parseExport(text(resource), resource);
    }

    static GtmInspection inspect(String resource) {
        return GtmInspection.of(container(resource));
    }
}
