package io.sitelens.storage.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SchemaMigratorTest {
    @Test
    void the_list_of_shipped_migrations_names_every_script_in_order() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/sitelens"))) {
            assertThat(SchemaMigrator.MIGRATIONS)
                    .as("a new migration script must be added to SchemaMigrator.MIGRATIONS, or opening skips it")
                    .containsExactlyElementsOf(files.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(".sql"))
                            .sorted((a, b) -> Integer.compare(version(a), version(b)))
                            .toList());
        }
    }

    private static int version(String script) {
        return Integer.parseInt(script.substring(1, script.indexOf("__")));
    }
}
