package io.sitelens.connector.gtm.internal;

import io.sitelens.connector.gtm.GtmContainer;
import io.sitelens.connector.gtm.GtmContainer.Parameter;
import io.sitelens.connector.gtm.GtmContainer.Tag;
import io.sitelens.connector.gtm.GtmContainer.Template;
import io.sitelens.connector.gtm.GtmContainer.Variable;
import io.sitelens.connector.gtm.GtmInspection;
import io.sitelens.connector.gtm.GtmInspection.AdsConversion;
import io.sitelens.connector.gtm.GtmInspection.CustomHtml;
import io.sitelens.connector.gtm.GtmInspection.CustomTemplateTag;
import io.sitelens.connector.gtm.GtmInspection.Floodlight;
import io.sitelens.connector.gtm.GtmInspection.Ga4Config;
import io.sitelens.connector.gtm.GtmInspection.Ga4Event;
import io.sitelens.model.TrackingPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Builds a {@link GtmInspection} (and its {@link TrackingPlan}) from a container. */
public final class ContainerInspector {
    static final String GA4_EVENT = "gaawe";
    static final String GOOGLE_TAG = "googtag";
    static final String GA4_CONFIG = "gaawc";

    private static final Pattern MATOMO = Pattern.compile("_paq|matomo\\.js|piwik\\.js|matomo\\.php|piwik\\.php");
    private static final Pattern MATOMO_SITE_ID =
            Pattern.compile("setSiteId['\"]?\\s*,\\s*['\"]?(\\{\\{[^{}]+}}|[A-Za-z0-9_-]+)");
    private static final Pattern MATOMO_BASE = Pattern.compile("var\\s+u\\s*=\\s*['\"]([^'\"]+)['\"]");
    private static final Pattern MATOMO_TRACKER =
            Pattern.compile("setTrackerUrl['\"]?\\s*,\\s*(?:u\\s*\\+\\s*)?['\"]([^'\"]+)['\"]");

    private ContainerInspector() {}

    public static GtmInspection inspect(GtmContainer c) {
        VariableResolver resolver = new VariableResolver(c);

        Map<String, Integer> byType = new TreeMap<>();
        c.tags().forEach(t -> byType.merge(t.type(), 1, Integer::sum));

        List<Ga4Config> configs = new ArrayList<>();
        for (Tag t : c.tags()) {
            String key = t.type().equals(GOOGLE_TAG) ? "tagId" : t.type().equals(GA4_CONFIG) ? "measurementId" : null;
            if (key == null) {
                continue;
            }
            String written = t.parameter(key).orElse("");
            VariableResolver.Resolution r = resolver.resolve(written);
            String resolved = r.complete() && !r.text().isBlank() ? r.text().trim() : null;
            String probe = (resolved != null ? resolved : written).toUpperCase(Locale.ROOT);
            boolean ga4 = !probe.startsWith("AW-") && !probe.startsWith("DC-");
            configs.add(new Ga4Config(t.id(), t.name(), t.type(), written, resolved, ga4));
        }

        List<Ga4Event> events = new ArrayList<>();
        for (Tag t : c.tags()) {
            if (t.type().equals(GA4_EVENT)) {
                events.add(ga4Event(t, c, resolver, configs));
            }
        }

        Set<String> ids = new TreeSet<>();
        configs.stream().filter(g -> g.ga4() && g.resolvedId() != null).forEach(g -> ids.add(g.resolvedId()));
        events.stream().filter(e -> e.measurementId() != null).forEach(e -> ids.add(e.measurementId()));

        Set<String> names = new TreeSet<>();
        events.forEach(e -> names.add(e.name()));

        List<AdsConversion> ads = new ArrayList<>();
        List<Floodlight> floodlights = new ArrayList<>();
        List<CustomHtml> html = new ArrayList<>();
        List<CustomTemplateTag> templated = new ArrayList<>();
        for (Tag t : c.tags()) {
            switch (t.type()) {
                case "awct" ->
                    ads.add(new AdsConversion(
                            t.id(),
                            t.name(),
                            resolvedOrWritten(
                                    resolver, t.parameter("conversionId").orElse(null)),
                            resolvedOrWritten(
                                    resolver, t.parameter("conversionLabel").orElse(null))));
                case "fls", "flc" ->
                    floodlights.add(new Floodlight(
                            t.id(),
                            t.name(),
                            t.type(),
                            resolvedOrWritten(
                                    resolver, t.parameter("advertiserId").orElse(null)),
                            resolvedOrWritten(resolver, t.parameter("groupTag").orElse(null)),
                            resolvedOrWritten(
                                    resolver, t.parameter("activityTag").orElse(null))));
                case "html" -> html.add(customHtml(t));
                default -> {
                    if (t.type().startsWith("cvt_")) {
                        Template tpl = template(c, t.type());
                        templated.add(new CustomTemplateTag(
                                t.id(),
                                t.name(),
                                t.type(),
                                tpl == null ? null : tpl.name(),
                                tpl == null ? null : tpl.galleryRepository()));
                    }
                }
            }
        }

        List<io.sitelens.connector.gtm.GtmFinding> findings = new ContainerLinter(c, resolver, events).lint();

        TrackingPlan plan = plan(c, events, List.copyOf(ids));
        return new GtmInspection(
                c.publicId(),
                c.name(),
                new GtmInspection.Counts(
                        c.tags().size(),
                        c.triggers().size(),
                        c.variables().size(),
                        c.builtInVariables().size()),
                new TreeMap<>(byType),
                configs,
                List.copyOf(ids),
                events,
                List.copyOf(names),
                ads,
                floodlights,
                html,
                templated,
                findings,
                plan);
    }

    private static Ga4Event ga4Event(Tag t, GtmContainer c, VariableResolver resolver, List<Ga4Config> configs) {
        String name = t.parameter("eventName").orElse("");
        boolean dynamic = ContainerReader.REFERENCE.matcher(name).find();

        String written = null;
        String measurementId = null;
        var override = Parameter.find(t.parameters(), "measurementIdOverride");
        var legacy = Parameter.find(t.parameters(), "measurementId");
        if (override.isPresent()
                && override.get().value() != null
                && !override.get().value().isBlank()) {
            written = override.get().value();
            measurementId = resolvedOnly(resolver, written);
        } else if (legacy.isPresent() && legacy.get().value() != null) {
            written = legacy.get().value();
            if (legacy.get().type().equals("TAG_REFERENCE")) {
                String configName = written;
                measurementId = c.tagNamed(configName)
                        .flatMap(cfg -> configs.stream()
                                .filter(g -> g.tagId().equals(cfg.id()))
                                .findFirst())
                        .map(Ga4Config::resolvedId)
                        .orElse(null);
            } else {
                measurementId = resolvedOnly(resolver, written);
            }
        }

        Set<String> params = new LinkedHashSet<>();
        collectEventParameters(t.parameters(), params);
        t.parameter("eventSettingsVariable").ifPresent(ref -> {
            Matcher m = ContainerReader.REFERENCE.matcher(ref);
            if (m.matches()) {
                Variable v = resolver.variable(m.group(1));
                if (v != null) {
                    collectEventParameters(v.parameters(), params);
                }
            }
        });
        return new Ga4Event(
                t.id(),
                t.name(),
                name,
                dynamic,
                resolver.pattern(name, eventPattern(t, c)),
                written,
                measurementId,
                List.copyOf(params),
                t.paused());
    }

    /**
     * The data layer event names a tag can fire on, as a full-match regular expression, when every firing
     * trigger is a custom event trigger that filters {@code {{_event}}}; null when any trigger fires on other
     * events (then {@code {{Event}}} can be anything).
     */
    static @Nullable String eventPattern(Tag t, GtmContainer c) {
        Set<String> alternatives = new LinkedHashSet<>();
        for (String id : t.firingTriggerIds()) {
            GtmContainer.Trigger trigger = c.trigger(id).orElse(null);
            if (trigger == null || !trigger.type().equals("customEvent")) {
                return null;
            }
            String one = null;
            for (GtmContainer.Condition cond : trigger.customEventFilter()) {
                if (!"{{_event}}".equals(cond.arg0()) || cond.arg1() == null) {
                    continue;
                }
                boolean ignoreCase = GtmContainer.Parameter.valueOf(cond.parameters(), "ignore_case")
                        .map("true"::equals)
                        .orElse(false);
                String arg = cond.arg1();
                String p =
                        switch (cond.type()) {
                            case "EQUALS" -> VariableResolver.quote(arg);
                            case "CONTAINS" -> ".*" + VariableResolver.quote(arg) + ".*";
                            case "STARTS_WITH" -> VariableResolver.quote(arg) + ".*";
                            case "ENDS_WITH" -> ".*" + VariableResolver.quote(arg);
                            case "MATCH_REGEX" -> ".*(?:" + arg + ").*";
                            default -> null;
                        };
                if (p != null && compiles(p)) {
                    one = ignoreCase ? "(?i:" + p + ")" : p;
                }
            }
            if (one == null) {
                return null;
            }
            alternatives.add(one);
        }
        if (alternatives.isEmpty()) {
            return null;
        }
        return alternatives.size() == 1 ? alternatives.iterator().next() : "(?:" + String.join("|", alternatives) + ")";
    }

    /** GTM regexes are RE2; one Java cannot read (such as {@code (?P<name>…)}) is treated as "any name". */
    private static boolean compiles(String regex) {
        try {
            Pattern.compile(regex);
            return true;
        } catch (java.util.regex.PatternSyntaxException e) {
            return false;
        }
    }

    /** GA4 event parameters: {@code eventSettingsTable} rows (parameter / parameterValue) or legacy {@code eventParameters} (name / value). */
    private static void collectEventParameters(List<Parameter> parameters, Set<String> out) {
        for (String table : List.of("eventSettingsTable", "eventParameters")) {
            Parameter.find(parameters, table).ifPresent(list -> {
                for (Parameter row : list.list()) {
                    String n = row.entryValue("parameter")
                            .or(() -> row.entryValue("name"))
                            .orElse(null);
                    if (n != null && !n.isBlank()) {
                        out.add(n);
                    }
                }
            });
        }
    }

    private static CustomHtml customHtml(Tag t) {
        String code = t.parameter("html").orElse("");
        boolean matomo = MATOMO.matcher(code).find();
        Set<String> siteIds = new LinkedHashSet<>();
        Set<String> urls = new LinkedHashSet<>();
        if (matomo) {
            Matcher m = MATOMO_SITE_ID.matcher(code);
            while (m.find()) {
                siteIds.add(m.group(1));
            }
            m = MATOMO_BASE.matcher(code);
            while (m.find()) {
                urls.add(m.group(1));
            }
            if (urls.isEmpty()) {
                m = MATOMO_TRACKER.matcher(code);
                while (m.find()) {
                    urls.add(m.group(1));
                }
            }
        }
        return new CustomHtml(t.id(), t.name(), code.length(), matomo, List.copyOf(siteIds), List.copyOf(urls));
    }

    private static @Nullable Template template(GtmContainer c, String type) {
        for (Template tpl : c.templates()) {
            if (type.endsWith("_" + tpl.templateId())) {
                return tpl;
            }
        }
        return null;
    }

    private static @Nullable String resolvedOnly(VariableResolver resolver, String written) {
        VariableResolver.Resolution r = resolver.resolve(written);
        return r.complete() && !r.text().isBlank() ? r.text().trim() : null;
    }

    private static @Nullable String resolvedOrWritten(VariableResolver resolver, @Nullable String written) {
        if (written == null) {
            return null;
        }
        VariableResolver.Resolution r = resolver.resolve(written);
        return r.complete() ? r.text() : written;
    }

    private static TrackingPlan plan(GtmContainer c, List<Ga4Event> events, List<String> measurementIds) {
        List<TrackingPlan.Tag> tags = new ArrayList<>();
        for (Tag t : c.tags()) {
            tags.add(new TrackingPlan.Tag(
                    t.id(),
                    t.name(),
                    t.type(),
                    t.paused(),
                    t.firingTriggerIds(),
                    t.blockingTriggerIds(),
                    t.consent() == null ? null : t.consent().status(),
                    flatten(t.parameters())));
        }
        List<TrackingPlan.Trigger> triggers = c.triggers().stream()
                .map(t -> new TrackingPlan.Trigger(t.id(), t.name(), t.type(), t.customEventName()))
                .toList();
        List<TrackingPlan.Variable> variables = c.variables().stream()
                .map(v -> new TrackingPlan.Variable(v.id(), v.name(), v.type(), flatten(v.parameters())))
                .toList();
        List<String> builtIns = c.builtInVariables().stream()
                .map(GtmContainer.BuiltInVariable::name)
                .toList();
        List<TrackingPlan.TrackedEvent> tracked = events.stream()
                .map(e -> new TrackingPlan.TrackedEvent(
                        e.name(), e.dynamic(), e.tagId(), e.measurementId(), e.parameters()))
                .toList();
        return new TrackingPlan(c.publicId(), c.name(), tags, triggers, variables, builtIns, tracked, measurementIds);
    }

    /** Scalar parameters as written; lists and maps as compact JSON. */
    static Map<String, String> flatten(List<Parameter> parameters) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            if (p.key() == null) {
                continue;
            }
            if (p.value() != null) {
                out.put(p.key(), p.value());
            } else if (!p.list().isEmpty() || !p.map().isEmpty()) {
                out.put(p.key(), InspectionJson.parameterJson(p));
            }
        }
        return out;
    }
}
