package io.sitelens.connector.gtm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitelens.model.Severity;
import io.sitelens.model.TrackingPlan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three real container exports, with facts read from the files. */
class RealContainerExportTest {

    @Nested
    class AnalyzifyGtmKit {
        final GtmInspection i = Fixtures.inspect(Fixtures.ANALYZIFY);

        @Test
        void counts_and_tag_types() {
            assertThat(i.containerId()).isEqualTo("GTM-K2W53WLF");
            assertThat(i.counts()).isEqualTo(new GtmInspection.Counts(12, 13, 49, 5));
            assertThat(i.tagsByType())
                    .containsExactly(
                            entry("awct", 3),
                            entry("awud", 1),
                            entry("gaawe", 3),
                            entry("gclidw", 1),
                            entry("googtag", 2),
                            entry("sp", 2));
        }

        @Test
        void event_names_are_kept_as_written_and_lookup_tables_narrowed_by_the_firing_triggers() {
            assertThat(i.ga4EventNames()).containsExactly("page_view", "{{GA4 - event table}}");
            GtmInspection.Ga4Event purchase = event(i, "80");
            assertThat(purchase.name()).isEqualTo("{{GA4 - event table}}");
            assertThat(purchase.dynamic()).isTrue();
            // tag 80 fires on ee_purchase only; the lookup table maps ee_purchase to purchase
            assertThat(purchase.namePattern()).isEqualTo("(?:purchase)");
            assertThat(purchase.parameters())
                    .contains("transaction_id", "tax", "shipping", "user_data", "page_location");
            GtmInspection.Ga4Event pageView = event(i, "63");
            assertThat(pageView.dynamic()).isFalse();
            assertThat(pageView.parameters()).containsExactly("page_location", "page_title");
            assertThat(event(i, "52").namePattern())
                    .contains("search", "view_item_list", "begin_checkout")
                    .doesNotContain("purchase")
                    .doesNotContain("page_view");
        }

        @Test
        void the_measurement_id_resolves_to_the_unedited_placeholder_constant_and_is_flagged() {
            assertThat(i.ga4MeasurementIds()).containsExactly("--var-measurement-id--");
            assertThat(i.ga4Configs())
                    .extracting(
                            GtmInspection.Ga4Config::tagName,
                            GtmInspection.Ga4Config::resolvedId,
                            GtmInspection.Ga4Config::ga4)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(
                                    "002.01 - Ads - GTAG", "AW---var-conversion-ID--", false),
                            org.assertj.core.groups.Tuple.tuple("001.01 - GA4 - GTAG", "--var-measurement-id--", true));
            assertThat(i.findings("ga4-event-without-measurement-id"))
                    .extracting(GtmFinding::subjectId)
                    .containsExactlyInAnyOrder("52", "63", "80");
            assertThat(i.findings("ga4-event-without-measurement-id").get(0).message())
                    .contains("--var-measurement-id--", "not a GA4 measurement id");
        }

        @Test
        void built_in_initialization_trigger_is_not_missing_and_every_trigger_is_used() {
            assertThat(i.findingCounts())
                    .doesNotContainKeys("tag-without-trigger", "unused-trigger", "undefined-variable");
            assertThat(i.findingCounts()).containsEntry("unused-variable", 23);
            assertThat(i.findings("unused-variable"))
                    .extracting(GtmFinding::subjectName)
                    .contains("dlv - user.first_name", "dlv - search_term", "lup - Google GAds - itemId")
                    .doesNotContain("dlv - user.email", "GA4 - event table", "Google Tag Configuration Settings");
        }

        @Test
        void ads_conversions_resolve_their_constants() {
            assertThat(i.adsConversions())
                    .extracting(GtmInspection.AdsConversion::conversionLabel)
                    .containsExactlyInAnyOrder(
                            "--var-conversion-label-purchase--",
                            "--var-conversion-label-view-item--",
                            "--var-conversion-label-add-to-cart--");
            assertThat(i.adsConversions())
                    .allSatisfy(a -> assertThat(a.conversionId()).isEqualTo("--var-conversion-ID--"));
        }

        @Test
        void no_consent_finding_when_no_tag_uses_consent_settings() {
            assertThat(i.findings("missing-consent-settings")).isEmpty();
        }
    }

    @Nested
    class GmsBoilerplate {
        final GtmContainer c = Fixtures.container(Fixtures.GMS);
        final GtmInspection i = GtmInspection.of(c);

        @Test
        void counts_and_tag_types() {
            assertThat(i.containerId()).isEqualTo("GTM-ABCDEFG");
            assertThat(i.counts()).isEqualTo(new GtmInspection.Counts(5, 2, 6, 5));
            assertThat(i.tagsByType().keySet()).containsExactly("awct", "fls", "gaawe", "gclidw", "googtag");
            assertThat(i.tagsByType().values()).containsOnly(1);
        }

        @Test
        void measurement_id_resolves_through_the_constant_variable() {
            assertThat(i.ga4MeasurementIds()).containsExactly("G-AAAAAAAAAA");
            GtmInspection.Ga4Event e = event(i, "6");
            assertThat(e.name()).isEqualTo("{{Event}}");
            assertThat(e.dynamic()).isTrue();
            assertThat(e.measurementIdAsWritten()).isEqualTo("{{GA Measurement ID}}");
            assertThat(e.measurementId()).isEqualTo("G-AAAAAAAAAA");
            assertThat(i.ga4EventNames()).containsExactly("{{Event}}");
            // {{Event}} is narrowed by the trigger's regex on {{_event}}
            assertThat(e.namePattern())
                    .isEqualTo(".*(?:add_to_cart|purchase|remove_from_cart|view_cart|view_item|view_item_list).*");
            assertThat(i.findings("ga4-event-without-measurement-id")).isEmpty();
        }

        @Test
        void consent_settings_are_read_and_missing_ones_flagged() {
            assertThat(c.tag("6").orElseThrow().consent())
                    .isEqualTo(new GtmContainer.Consent("NEEDED", List.of("analytics_storage")));
            assertThat(c.tag("15").orElseThrow().consent().types()).containsExactly("ad_storage");
            assertThat(i.findings("missing-consent-settings"))
                    .extracting(GtmFinding::subject, GtmFinding::severity)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("tag:Google Tag", Severity.WARNING),
                            org.assertj.core.groups.Tuple.tuple("tag:Conversion Linker", Severity.WARNING));
        }

        @Test
        void built_in_trigger_ids_are_not_missing() {
            assertThat(c.tag("4").orElseThrow().firingTriggerIds()).containsExactly("2147479573");
            assertThat(c.tag("10").orElseThrow().firingTriggerIds()).containsExactly("2147479553");
            assertThat(i.findings("tag-without-trigger")).isEmpty();
            assertThat(i.findings("undefined-variable"))
                    .as("{{_event}} and the enabled {{Event}}")
                    .isEmpty();
        }

        @Test
        void ads_and_floodlight_details() {
            assertThat(i.adsConversions())
                    .containsExactly(
                            new GtmInspection.AdsConversion("15", "Google Ads Tag", "1234567890", "abcdEFGHijklmnop"));
            assertThat(i.floodlights())
                    .containsExactly(
                            new GtmInspection.Floodlight("16", "Floodlight Tag", "fls", "0", "retail", "purchase"));
        }

        @Test
        void triggers_have_normalised_types_and_custom_event_names() {
            assertThat(i.plan().triggers())
                    .extracting(
                            TrackingPlan.Trigger::name,
                            TrackingPlan.Trigger::type,
                            TrackingPlan.Trigger::customEventName)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("E-commerce Events", "customEvent", null),
                            org.assertj.core.groups.Tuple.tuple("Purchase", "customEvent", "purchase"));
        }
    }

    @Nested
    class VimeoRecipe {
        final GtmInspection i = Fixtures.inspect(Fixtures.VIMEO);

        @Test
        void counts_without_built_in_or_folder_keys() {
            assertThat(i.containerId()).isEqualTo("GTM-WSZ629J");
            assertThat(i.counts()).isEqualTo(new GtmInspection.Counts(2, 2, 5, 0));
            assertThat(i.tagsByType()).containsExactly(entry("gaawe", 1), entry("html", 1));
            assertThat(i.plan().triggers())
                    .extracting(TrackingPlan.Trigger::type)
                    .containsExactly("customEvent", "windowLoaded");
        }

        @Test
        void dynamic_event_name_is_kept_as_written_with_its_parameters() {
            assertThat(i.ga4EventNames()).containsExactly("video_{{dlv - video_status}}");
            TrackingPlan.TrackedEvent e = i.plan().events().get(0);
            assertThat(e.name()).isEqualTo("video_{{dlv - video_status}}");
            assertThat(e.dynamic()).isTrue();
            assertThat(e.tagId()).isEqualTo("11");
            assertThat(e.measurementId()).isNull();
            assertThat(e.parameters()).containsExactly("video_percent", "video_title", "video_url", "video_provider");
            assertThat(i.ga4Events().get(0).namePattern()).isEqualTo("video_.+");
        }

        @Test
        void the_placeholder_measurement_id_variable_is_undefined() {
            assertThat(i.ga4MeasurementIds()).isEmpty();
            assertThat(i.findings())
                    .extracting(GtmFinding::id, GtmFinding::severity, GtmFinding::subject)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(
                                    "undefined-variable", Severity.ERROR, "tag:GA4 event - vimeo video"),
                            org.assertj.core.groups.Tuple.tuple(
                                    "ga4-event-without-measurement-id", Severity.ERROR, "tag:GA4 event - vimeo video"));
            assertThat(i.findings("undefined-variable").get(0).message())
                    .contains("{{ADD YOUR GA4 CONFIG TAG IN THE FIELD ABOVE}}");
        }

        @Test
        void the_custom_html_listener_is_not_matomo() {
            assertThat(i.customHtml()).singleElement().satisfies(h -> {
                assertThat(h.tagName()).isEqualTo("cHTML - vimeo listener");
                assertThat(h.matomo()).isFalse();
            });
        }
    }

    @Test
    void inspect_json_has_the_documented_fields(@TempDir Path dir) throws Exception {
        GtmContainer c = GtmContainer.parseExport(Fixtures.copy(Fixtures.GMS, dir));
        JsonNode json = new ObjectMapper().readTree(GtmInspection.of(c).toJson());
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.get("containerId").asText()).isEqualTo("GTM-ABCDEFG");
        assertThat(json.get("counts").toString())
                .isEqualTo("{\"tags\":5,\"triggers\":2,\"variables\":6,\"builtInVariables\":5}");
        assertThat(json.get("ga4MeasurementIds").toString()).isEqualTo("[\"G-AAAAAAAAAA\"]");
        assertThat(json.get("ga4EventNames").toString()).isEqualTo("[\"{{Event}}\"]");
        assertThat(json.get("tagsByType").toString())
                .isEqualTo("{\"awct\":1,\"fls\":1,\"gaawe\":1,\"gclidw\":1,\"googtag\":1}");
        assertThat(json.get("findings").toString()).isEqualTo("{\"missing-consent-settings\":2}");
        JsonNode first = json.get("findingDetails").get(0);
        assertThat(first.get("id").asText()).isEqualTo("missing-consent-settings");
        assertThat(first.get("severity").asText()).isEqualTo("warning");
        assertThat(first.get("subject").asText()).isEqualTo("tag:Google Tag");
        assertThat(first.get("message").asText()).isNotBlank();
    }

    static GtmInspection.Ga4Event event(GtmInspection i, String tagId) {
        return i.ga4Events().stream()
                .filter(e -> e.tagId().equals(tagId))
                .findFirst()
                .orElseThrow();
    }
}
