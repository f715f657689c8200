package io.sitelens.connector.gtm;

import static java.util.Objects.requireNonNull;

import io.sitelens.connector.gtm.internal.ContainerInspector;
import io.sitelens.connector.gtm.internal.InspectionJson;
import io.sitelens.model.TrackingPlan;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What a container tracks and what is broken in it: the report behind {@code sitelens gtm inspect}. Made by
 * {@link #of(GtmContainer)}; {@link #toJson()} renders the documented JSON (see {@code docs/gtm.md}).
 *
 * @param containerId the container's public id as written ({@code GTM-XXXX})
 * @param ga4MeasurementIds GA4 measurement ids the container sends to, resolved through constant variables
 *     and configuration tags, sorted and unique (values that still hold a variable reference are left out)
 * @param ga4EventNames the GA4 event names as written, sorted and unique
 * @param plan the same container as a core {@link TrackingPlan}
 */
public record GtmInspection(
        String containerId,
        @Nullable String containerName,
        Counts counts,
        SortedMap<String, Integer> tagsByType,
        List<Ga4Config> ga4Configs,
        List<String> ga4MeasurementIds,
        List<Ga4Event> ga4Events,
        List<String> ga4EventNames,
        List<AdsConversion> adsConversions,
        List<Floodlight> floodlights,
        List<CustomHtml> customHtml,
        List<CustomTemplateTag> customTemplateTags,
        List<GtmFinding> findings,
        TrackingPlan plan) {

    /** The version of the JSON document {@link #toJson()} writes. */
    public static final int SCHEMA_VERSION = 1;

    public GtmInspection {
        requireNonNull(containerId, "containerId");
        requireNonNull(counts, "counts");
        tagsByType = new TreeMap<>(requireNonNull(tagsByType, "tagsByType"));
        ga4Configs = List.copyOf(ga4Configs);
        ga4MeasurementIds = List.copyOf(ga4MeasurementIds);
        ga4Events = List.copyOf(ga4Events);
        ga4EventNames = List.copyOf(ga4EventNames);
        adsConversions = List.copyOf(adsConversions);
        floodlights = List.copyOf(floodlights);
        customHtml = List.copyOf(customHtml);
        customTemplateTags = List.copyOf(customTemplateTags);
        findings = List.copyOf(findings);
        requireNonNull(plan, "plan");
    }

    /** Inspects a container: resolves ids and event names, extracts tag details, and lints it. */
    public static GtmInspection of(GtmContainer container) {
        return ContainerInspector.inspect(container);
    }

    @Override
    public SortedMap<String, Integer> tagsByType() {
        return new TreeMap<>(tagsByType);
    }

    /** How many findings of each rule id, sorted by id. */
    public SortedMap<String, Integer> findingCounts() {
        SortedMap<String, Integer> counts = new TreeMap<>();
        findings.forEach(f -> counts.merge(f.id(), 1, Integer::sum));
        return counts;
    }

    /** The findings of one rule. */
    public List<GtmFinding> findings(String ruleId) {
        return findings.stream().filter(f -> f.id().equals(ruleId)).toList();
    }

    /** The documented JSON report ({@code schemaVersion} {@value #SCHEMA_VERSION}), pretty-printed. */
    public String toJson() {
        return InspectionJson.write(this);
    }

    /** Numbers of things in the container. {@code variables} counts user-defined variables only. */
    public record Counts(int tags, int triggers, int variables, int builtInVariables) {}

    /**
     * A Google tag ({@code googtag}) or GA4 configuration tag ({@code gaawc}) and the id it configures.
     *
     * @param idAsWritten the tag id / measurement id parameter as written ({@code {{GA Measurement ID}}})
     * @param resolvedId the id with constant variables substituted, or null when it still depends on run time
     *     data or an undefined variable
     * @param ga4 whether the id is a GA4 destination (not a Google Ads {@code AW-} or Floodlight {@code DC-} id)
     */
    public record Ga4Config(
            String tagId,
            String tagName,
            String type,
            String idAsWritten,
            @Nullable String resolvedId,
            boolean ga4) {}

    /**
     * A GA4 event tag ({@code gaawe}).
     *
     * @param name the event name as written
     * @param dynamic whether the name holds variable references (the real names are known only at run time)
     * @param namePattern a full-match regular expression of the names this tag can send: static names quoted,
     *     constants substituted, lookup tables expanded to their outputs, other variables as {@code .+}
     * @param measurementIdAsWritten the measurement id parameter as written, or null when the tag has none
     * @param measurementId the measurement id resolved through variables and configuration tags, or null
     * @param parameters event parameter names, from the tag and its event settings variable
     */
    public record Ga4Event(
            String tagId,
            String tagName,
            String name,
            boolean dynamic,
            String namePattern,
            @Nullable String measurementIdAsWritten,
            @Nullable String measurementId,
            List<String> parameters,
            boolean paused) {
        public Ga4Event {
            parameters = List.copyOf(parameters);
        }
    }

    /** A Google Ads conversion tag ({@code awct}); ids resolved through constants where possible. */
    public record AdsConversion(
            String tagId,
            String tagName,
            @Nullable String conversionId,
            @Nullable String conversionLabel) {}

    /** A Floodlight tag ({@code fls} sales, {@code flc} counter). */
    public record Floodlight(
            String tagId,
            String tagName,
            String type,
            @Nullable String advertiserId,
            @Nullable String groupTag,
            @Nullable String activityTag) {}

    /**
     * A custom HTML tag ({@code html}), with what it loads.
     *
     * @param matomo whether it holds a Matomo (Piwik) tracker: {@code _paq}, {@code matomo.js} or {@code piwik.js}
     * @param matomoSiteIds the site ids passed to {@code setSiteId}, as written
     * @param matomoTrackerUrls tracker base URLs ({@code var u="//analytics.example.com/"}) or
     *     {@code setTrackerUrl} arguments, as written
     */
    public record CustomHtml(
            String tagId,
            String tagName,
            int characters,
            boolean matomo,
            List<String> matomoSiteIds,
            List<String> matomoTrackerUrls) {
        public CustomHtml {
            matomoSiteIds = List.copyOf(matomoSiteIds);
            matomoTrackerUrls = List.copyOf(matomoTrackerUrls);
        }
    }

    /**
     * A tag made from a custom template ({@code cvt_…}).
     *
     * @param templateName the template's name when the export includes it, else null
     */
    public record CustomTemplateTag(
            String tagId,
            String tagName,
            String type,
            @Nullable String templateName,
            @Nullable String galleryRepository) {}
}
