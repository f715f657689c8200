package io.sitelens.connector.gtm;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadInputTest {

    @Test
    void invalid_json_names_the_file_line_and_column(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("broken.json");
        Files.writeString(f, "{\n  \"exportFormatVersion\": 2,\n  \"containerVersion\": {\"tag\": [}\n}\n");
        assertThatThrownBy(() -> GtmContainer.parseExport(f))
                .isInstanceOf(SitelensException.class)
                .hasMessageContaining("broken.json")
                .hasMessageContaining("not valid JSON at line 3, column 32")
                .extracting(e -> ((SitelensException) e).errorCode())
                .isEqualTo(ErrorCode.INVALID_INPUT);
    }

    @Test
    void a_truncated_real_export_reports_where_it_ends() {
        String real = Fixtures.text(Fixtures.GMS);
        String cut = real.substring(0, real.indexOf("\"trigger\""));
        long lines = cut.lines().count();
        assertThatThrownBy(() -> GtmContainer.parseExport(cut, "cut.json"))
                .hasMessageContaining("cut.json is not valid JSON at line " + lines);
    }

    @Test
    void json_that_is_not_a_container_export_says_what_was_expected() {
        assertThatThrownBy(
                        () -> GtmContainer.parseExport("{\"name\": \"package\", \"version\": \"1.0\"}", "package.json"))
                .hasMessageContaining("package.json is not a GTM container export")
                .hasMessageContaining("\"exportFormatVersion\": 2 and \"containerVersion\"")
                .hasMessageContaining("[name, version]");
        assertThatThrownBy(() -> GtmContainer.parseExport("[1, 2]", "list.json"))
                .hasMessageContaining("expected a JSON object")
                .hasMessageContaining("found a JSON array");
    }

    @Test
    void another_export_format_version_is_refused_naming_it() {
        assertThatThrownBy(() ->
                        GtmContainer.parseExport("{\"exportFormatVersion\": 1, \"containerVersion\": {}}", "old.json"))
                .hasMessageContaining("exportFormatVersion 1")
                .hasMessageContaining("only GTM container exports with exportFormatVersion 2");
    }

    @Test
    void a_missing_file_is_not_found() {
        assertThatThrownBy(() -> GtmContainer.parseExport(Path.of("/nonexistent/container.json")))
                .asInstanceOf(InstanceOfAssertFactories.type(SitelensException.class))
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.errorCode())
                        .isEqualTo(ErrorCode.NOT_FOUND))
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.getMessage())
                        .contains("/nonexistent/container.json"));
    }

    @Test
    void a_tag_without_an_id_is_named_by_position_of_its_kind() {
        assertThatThrownBy(() -> GtmContainer.parseExport(
                        "{\"exportFormatVersion\": 2, \"containerVersion\": {\"container\": {\"publicId\": \"GTM-X\"},"
                                + " \"tag\": [{\"name\": \"t\", \"type\": \"html\"}]}}",
                        "x.json"))
                .hasMessageContaining("x.json: tag has no \"tagId\"");
    }

    @Test
    void a_byte_order_mark_before_the_json_is_accepted() {
        GtmContainer c = GtmContainer.parseExport("\uFEFF" + Fixtures.text(Fixtures.VIMEO), "bom.json");
        org.assertj.core.api.Assertions.assertThat(c.publicId()).isEqualTo("GTM-WSZ629J");
    }
}
