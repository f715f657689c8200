package io.sitelens.connector.gtm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.sitelens.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Lint rules and extraction over a small synthetic container. It is written with the Tag Manager API's enum
 * spelling (lower camel case), so it also shows that API and export spellings end up the same.
 */
class ContainerLintTest {

    static final String SYNTHETIC = """
            {"exportFormatVersion": 2, "containerVersion": {
              "container": {"publicId": "GTM-SYNTH1", "name": "synthetic"},
              "tag": [
                {"tagId": "1", "name": "GA4 config", "type": "gaawc", "firingTriggerId": ["2147479553"],
                 "parameter": [{"type": "template", "key": "measurementId", "value": "{{GA4 ID}}"}],
                 "consentSettings": {"consentStatus": "needed",
                   "consentType": {"type": "list", "list": [{"type": "template", "value": "analytics_storage"}]}}},
                {"tagId": "2", "name": "Signup A", "type": "gaawe", "firingTriggerId": ["10"],
                 "parameter": [{"type": "template", "key": "eventName", "value": "sign_up"},
                               {"type": "tagReference", "key": "measurementId", "value": "GA4 config"},
                               {"type": "list", "key": "eventParameters", "list": [
                                 {"type": "map", "map": [{"type": "template", "key": "name", "value": "method"},
                                                         {"type": "template", "key": "value", "value": "{{Click Text}}"}]}]}],
                 "consentSettings": {"consentStatus": "notSet"}},
                {"tagId": "3", "name": "Signup B", "type": "gaawe", "firingTriggerId": ["11"],
                 "parameter": [{"type": "template", "key": "eventName", "value": "sign_up"},
                               {"type": "template", "key": "measurementIdOverride", "value": "G-SYNTH12345"}]},
                {"tagId": "4", "name": "Bad names", "type": "gaawe", "paused": true, "firingTriggerId": ["10"],
                 "parameter": [{"type": "template", "key": "eventName", "value": "session_start"},
                               {"type": "template", "key": "measurementIdOverride", "value": "G-SYNTH12345"}]},
                {"tagId": "5", "name": "Hyphen", "type": "gaawe", "firingTriggerId": ["10"],
                 "parameter": [{"type": "template", "key": "eventName", "value": "add-to-cart"}]},
                {"tagId": "6", "name": "Old UA", "type": "ua", "firingTriggerId": ["404"],
                 "parameter": [{"type": "template", "key": "trackingId", "value": "UA-1-1"}]},
                {"tagId": "7", "name": "Matomo", "type": "html", "firingTriggerId": ["2147479553"],
                 "parameter": [{"type": "template", "key": "html", "value": "<script>var _paq = window._paq = window._paq || [];\\n_paq.push(['trackPageView']);\\n(function() { var u=\\"//stats.example.org/\\"; _paq.push(['setTrackerUrl', u+'matomo.php']); _paq.push(['setSiteId', '7']); })();</script>"}]},
                {"tagId": "8", "name": "Consent banner", "type": "cvt_99_42", "firingTriggerId": ["2147479572"],
                 "consentSettings": {"consentStatus": "notNeeded"}},
                {"tagId": "9", "name": "Setup only", "type": "html",
                 "parameter": [{"type": "template", "key": "html", "value": "<script>{{Nope}}</script>"}]},
                {"tagId": "12", "name": "Uses setup", "type": "googtag", "firingTriggerId": ["2147479553", "16"],
                 "setupTag": [{"tagName": "Setup only"}],
                 "parameter": [{"type": "template", "key": "tagId", "value": "G-{{Suffix}}"}]},
                {"tagId": "13", "name": "Never", "type": "gclidw"},
                {"tagId": "14", "name": "Too long", "type": "gaawe", "firingTriggerId": ["11"],
                 "parameter": [{"type": "template", "key": "eventName", "value": "google_this_name_is_clearly_far_too_long_for_ga4"},
                               {"type": "template", "key": "measurementIdOverride", "value": "{{GA4 ID}}"}]}
              ],
              "trigger": [
                {"triggerId": "10", "name": "Click", "type": "linkClick"},
                {"triggerId": "11", "name": "Signup event", "type": "customEvent",
                 "customEventFilter": [{"type": "equals", "parameter": [
                   {"type": "template", "key": "arg0", "value": "{{_event}}"},
                   {"type": "template", "key": "arg1", "value": "signup"}]}]},
                {"triggerId": "15", "name": "Orphan", "type": "DOM_READY"},
                {"triggerId": "16", "name": "Group", "type": "triggerGroup", "parameter": [
                  {"type": "list", "key": "triggerIds", "list": [{"type": "triggerReference", "value": "17"}]}]},
                {"triggerId": "17", "name": "In group", "type": "scrollDepth",
                 "filter": [{"type": "contains", "parameter": [
                   {"type": "template", "key": "arg0", "value": "{{Page Path}}"},
                   {"type": "template", "key": "arg1", "value": "/blog"}]}]}
              ],
              "variable": [
                {"variableId": "20", "name": "GA4 ID", "type": "c", "parameter": [{"type": "template", "key": "value", "value": "G-{{Suffix}}"}]},
                {"variableId": "21", "name": "Suffix", "type": "c", "parameter": [{"type": "template", "key": "value", "value": "SYNTH12345"}]},
                {"variableId": "22", "name": "Lonely", "type": "v", "parameter": [{"type": "template", "key": "name", "value": "x"}]}
              ],
              "builtInVariable": [{"type": "clickText", "name": "Click Text"}, {"type": "event", "name": "Event"}],
              "customTemplate": [{"templateId": "42", "name": "Cookie banner",
                "galleryReference": {"owner": "example", "repository": "cookie-banner"}}]
            }}
            """;

    final GtmContainer c = GtmContainer.parseExport(SYNTHETIC, "synthetic");
    final GtmInspection i = GtmInspection.of(c);

    @Test
    void api_spelling_is_normalised_like_the_export() {
        assertThat(c.trigger("10").orElseThrow().type()).isEqualTo("linkClick");
        assertThat(c.trigger("15").orElseThrow().type())
                .as("export spelling DOM_READY")
                .isEqualTo("domReady");
        assertThat(c.trigger("11").orElseThrow().customEventName()).isEqualTo("signup");
        assertThat(c.trigger("11").orElseThrow().customEventFilter().get(0).type())
                .isEqualTo("EQUALS");
        assertThat(c.tag("1").orElseThrow().consent())
                .isEqualTo(new GtmContainer.Consent("NEEDED", List.of("analytics_storage")));
        assertThat(c.tag("2").orElseThrow().consent().status()).isEqualTo("NOT_SET");
        assertThat(c.tag("8").orElseThrow().consent().status()).isEqualTo("NOT_NEEDED");
        assertThat(c.builtInVariables())
                .extracting(GtmContainer.BuiltInVariable::type)
                .containsExactly("CLICK_TEXT", "EVENT");
        assertThat(GtmContainer.Parameter.find(c.tag("2").orElseThrow().parameters(), "measurementId")
                        .orElseThrow()
                        .type())
                .isEqualTo("TAG_REFERENCE");
        assertThat(i.plan().tags().get(0).consentSettings()).isEqualTo("NEEDED");
    }

    @Test
    void measurement_ids_resolve_through_nested_constants_and_configuration_tags() {
        assertThat(i.ga4Configs())
                .extracting(GtmInspection.Ga4Config::tagName, GtmInspection.Ga4Config::resolvedId)
                .containsExactly(tuple("GA4 config", "G-SYNTH12345"), tuple("Uses setup", "G-SYNTH12345"));
        assertThat(RealContainerExportTest.event(i, "2").measurementId())
                .as("via the gaawc tag reference")
                .isEqualTo("G-SYNTH12345");
        assertThat(RealContainerExportTest.event(i, "2").parameters()).containsExactly("method");
        assertThat(i.ga4MeasurementIds()).containsExactly("G-SYNTH12345");
        assertThat(i.plan().measurementIds()).containsExactly("G-SYNTH12345");
    }

    @Test
    void each_rule_reports_its_subject_with_its_severity() {
        assertThat(i.findings())
                .extracting(GtmFinding::id, GtmFinding::severity, GtmFinding::subject)
                .containsExactlyInAnyOrder(
                        tuple("paused-tag", Severity.NOTICE, "tag:Bad names"),
                        tuple("invalid-event-name", Severity.ERROR, "tag:Bad names"),
                        tuple("invalid-event-name", Severity.ERROR, "tag:Hyphen"),
                        tuple("invalid-event-name", Severity.ERROR, "tag:Too long"),
                        tuple("ga4-event-without-measurement-id", Severity.ERROR, "tag:Hyphen"),
                        tuple("duplicate-event-name", Severity.WARNING, "tag:Signup A"),
                        tuple("duplicate-event-name", Severity.WARNING, "tag:Signup B"),
                        tuple("tag-without-trigger", Severity.WARNING, "tag:Old UA"),
                        tuple("tag-without-trigger", Severity.WARNING, "tag:Never"),
                        tuple("universal-analytics-tag", Severity.WARNING, "tag:Old UA"),
                        tuple("undefined-variable", Severity.ERROR, "tag:Setup only"),
                        tuple("undefined-variable", Severity.ERROR, "trigger:In group"),
                        tuple("unused-trigger", Severity.NOTICE, "trigger:Orphan"),
                        tuple("unused-variable", Severity.NOTICE, "variable:Lonely"),
                        tuple("missing-consent-settings", Severity.WARNING, "tag:Signup A"),
                        tuple("missing-consent-settings", Severity.WARNING, "tag:Signup B"),
                        tuple("missing-consent-settings", Severity.WARNING, "tag:Bad names"),
                        tuple("missing-consent-settings", Severity.WARNING, "tag:Hyphen"),
                        tuple("missing-consent-settings", Severity.WARNING, "tag:Old UA"),
                        tuple("missing-consent-settings", Severity.WARNING, "tag:Matomo"),
                        tuple("missing-consent-settings", Severity.WARNING, "tag:Setup only"),
                        tuple("missing-consent-settings", Severity.WARNING, "tag:Uses setup"),
                        tuple("missing-consent-settings", Severity.WARNING, "tag:Never"),
                        tuple("missing-consent-settings", Severity.WARNING, "tag:Too long"));
        assertThat(i.findings("tag-without-trigger"))
                .filteredOn(f -> f.subjectName().equals("Old UA"))
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("[404]"));
        assertThat(i.findings("invalid-event-name"))
                .extracting(GtmFinding::message)
                .anySatisfy(m -> assertThat(m).contains("session_start", "reserved"))
                .anySatisfy(m -> assertThat(m).contains("40 characters"))
                .anySatisfy(m -> assertThat(m).contains("add-to-cart", "letters, digits"));
        assertThat(i.findings("undefined-variable"))
                .extracting(GtmFinding::message)
                .anySatisfy(m -> assertThat(m).contains("{{Nope}}"))
                .anySatisfy(m -> assertThat(m)
                        .as("Page Path is a built-in that is not enabled")
                        .contains("{{Page Path}}"));
    }

    @Test
    void duplicate_names_sent_to_different_properties_or_dynamic_names_are_not_duplicates() {
        String json = SYNTHETIC.replaceFirst("\"G-SYNTH12345\"", "\"G-OTHER99999\"");
        assertThat(json).isNotEqualTo(SYNTHETIC);
        assertThat(GtmInspection.of(GtmContainer.parseExport(json, "synthetic")).findings("duplicate-event-name"))
                .isEmpty();
    }

    @Test
    void matomo_inside_custom_html_and_custom_templates_are_reported() {
        assertThat(i.customHtml())
                .filteredOn(GtmInspection.CustomHtml::matomo)
                .singleElement()
                .satisfies(h -> {
                    assertThat(h.tagName()).isEqualTo("Matomo");
                    assertThat(h.matomoSiteIds()).containsExactly("7");
                    assertThat(h.matomoTrackerUrls()).containsExactly("//stats.example.org/");
                });
        assertThat(i.customTemplateTags())
                .containsExactly(new GtmInspection.CustomTemplateTag(
                        "8", "Consent banner", "cvt_99_42", "Cookie banner", "example/cookie-banner"));
        assertThat(i.tagsByType()).containsEntry("cvt_99_42", 1).containsEntry("ua", 1);
    }

    @Test
    void findings_convert_to_core_findings_located_in_the_container() {
        GtmFinding f = i.findings("unused-trigger").get(0);
        assertThat(f.toFinding("GTM-SYNTH1").url()).isEqualTo("gtm:GTM-SYNTH1/trigger/15");
        assertThat(f.toFinding("GTM-SYNTH1").checkId()).isEqualTo("unused-trigger");
    }

    @Test
    void variables_used_by_server_container_clients_are_not_unused() {
        String server = """
                {"exportFormatVersion": 2, "containerVersion": {
                  "container": {"publicId": "GTM-SRV1", "usageContext": ["SERVER"]},
                  "client": [{"clientId": "1", "name": "GA4", "type": "gaaw_client",
                    "parameter": [{"type": "TEMPLATE", "key": "cookieDomain", "value": "{{Cookie domain}}"}]}],
                  "variable": [{"variableId": "2", "name": "Cookie domain", "type": "c",
                    "parameter": [{"type": "TEMPLATE", "key": "value", "value": "example.org"}]},
                    {"variableId": "3", "name": "Really unused", "type": "c"}]
                }}
                """;
        GtmInspection s = GtmInspection.of(GtmContainer.parseExport(server, "server.json"));
        assertThat(s.findings("unused-variable"))
                .extracting(GtmFinding::subjectName)
                .containsExactly("Really unused");
    }

    @Test
    void a_trigger_regex_java_cannot_read_makes_the_event_name_open_instead_of_failing() {
        String json = """
                {"exportFormatVersion": 2, "containerVersion": {
                  "container": {"publicId": "GTM-RE2"},
                  "tag": [{"tagId": "1", "name": "ev", "type": "gaawe", "firingTriggerId": ["2"],
                    "parameter": [{"type": "TEMPLATE", "key": "eventName", "value": "{{Event}}"},
                                  {"type": "TEMPLATE", "key": "measurementIdOverride", "value": "G-RE2RE2RE2"}]}],
                  "trigger": [{"triggerId": "2", "name": "re2", "type": "CUSTOM_EVENT", "customEventFilter": [
                    {"type": "MATCH_REGEX", "parameter": [{"type": "TEMPLATE", "key": "arg0", "value": "{{_event}}"},
                      {"type": "TEMPLATE", "key": "arg1", "value": "(?P<step>checkout_[0-9])"}]}]}],
                  "builtInVariable": [{"type": "EVENT", "name": "Event"}]
                }}
                """;
        GtmInspection r = GtmInspection.of(GtmContainer.parseExport(json, "re2.json"));
        assertThat(r.ga4Events().get(0).namePattern()).isEqualTo(".+");
    }
}
