package io.sitelens.connector.gtm.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.connector.gtm.GtmContainer;
import io.sitelens.connector.gtm.GtmContainer.BuiltInVariable;
import io.sitelens.connector.gtm.GtmContainer.Condition;
import io.sitelens.connector.gtm.GtmContainer.Consent;
import io.sitelens.connector.gtm.GtmContainer.Parameter;
import io.sitelens.connector.gtm.GtmContainer.Tag;
import io.sitelens.connector.gtm.GtmContainer.Template;
import io.sitelens.connector.gtm.GtmContainer.Trigger;
import io.sitelens.connector.gtm.GtmContainer.Variable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Turns container JSON (an export, an API container version, or API list items) into {@link GtmContainer}. */
public final class ContainerReader {
    /** Exports of the biggest real containers are a few MB; anything far beyond is not a container. */
    public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    static final Pattern REFERENCE = Pattern.compile("\\{\\{([^{}]+)}}");

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(200)
                            .maxStringLength(32 * 1024 * 1024)
                            .build())
                    .build())
            .build();

    private ContainerReader() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static GtmContainer readFile(Path file) {
        String name = file.toString();
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw invalid(name + " is " + size + " bytes; a GTM container export is at most " + MAX_FILE_BYTES);
            }
            return readText(Files.readString(file, StandardCharsets.UTF_8), name);
        } catch (NoSuchFileException e) {
            throw new SitelensException(ErrorCode.NOT_FOUND, "gtm", "no such file: " + name, null);
        } catch (java.nio.charset.MalformedInputException e) {
            throw invalid(name + " is not UTF-8 text; a GTM container export is a UTF-8 JSON file");
        } catch (IOException e) {
            throw new SitelensException(ErrorCode.INVALID_INPUT, "gtm", "cannot read " + name + ": " + e, e);
        }
    }

    public static GtmContainer readText(String json, String source) {
        JsonNode root = parseJson(json.startsWith("\uFEFF") ? json.substring(1) : json, source);
        if (!root.isObject()) {
            throw invalid(source + " is not a GTM container export: expected a JSON object with "
                    + "\"exportFormatVersion\": 2 and \"containerVersion\", found a JSON " + kind(root));
        }
        JsonNode version = root.get("exportFormatVersion");
        JsonNode cv = root.get("containerVersion");
        if (version == null && cv == null) {
            if (root.has("container") && (root.has("tag") || root.has("containerVersionId"))) {
                return fromContainerVersion(root, source); // a bare container version, as the API returns it
            }
            throw invalid(source + " is not a GTM container export: expected a JSON object with "
                    + "\"exportFormatVersion\": 2 and \"containerVersion\" (Admin > Export Container), found keys "
                    + keys(root));
        }
        if (version == null || !version.canConvertToInt() || version.asInt() != 2) {
            throw invalid(source + ": exportFormatVersion " + (version == null ? "is missing" : version.toString())
                    + "; only GTM container exports with exportFormatVersion 2 are supported");
        }
        if (cv == null || !cv.isObject()) {
            throw invalid(source + " has exportFormatVersion 2 but no \"containerVersion\" object; expected a GTM "
                    + "container export");
        }
        return fromContainerVersion(cv, source);
    }

    static JsonNode parseJson(String json, String source) {
        try {
            JsonNode n = MAPPER.readTree(json);
            if (n == null || n.isMissingNode()) {
                throw invalid(source + " is empty; expected a GTM container export (JSON)");
            }
            return n;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new SitelensException(
                    ErrorCode.INVALID_INPUT,
                    "gtm",
                    source + " is not valid JSON" + where + ": " + plain(e.getOriginalMessage()),
                    e);
        }
    }

    /** Jackson's message without its note about the redacted source. */
    private static String plain(String message) {
        return message.replaceAll("\\[Source: [^;\\]]*; ", "[").replaceAll("\\s+", " ");
    }

    /** A container version object: {@code container}, {@code tag}, {@code trigger}, {@code variable}, …. */
    public static GtmContainer fromContainerVersion(JsonNode cv, String source) {
        JsonNode container = cv.path("container");
        String publicId = text(container, "publicId");
        if (publicId == null) {
            throw invalid(source + ": the container version has no container.publicId (GTM-…); is this a GTM "
                    + "container export?");
        }
        List<Tag> tags = new ArrayList<>();
        for (JsonNode t : array(cv, "tag", source)) {
            tags.add(tag(t, source));
        }
        List<Trigger> triggers = new ArrayList<>();
        for (JsonNode t : array(cv, "trigger", source)) {
            triggers.add(trigger(t, source));
        }
        List<Variable> variables = new ArrayList<>();
        for (JsonNode v : array(cv, "variable", source)) {
            variables.add(variable(v, source));
        }
        List<BuiltInVariable> builtIns = new ArrayList<>();
        for (JsonNode b : array(cv, "builtInVariable", source)) {
            builtIns.add(builtInVariable(b));
        }
        List<Template> templates = new ArrayList<>();
        for (JsonNode t : array(cv, "customTemplate", source)) {
            templates.add(template(t));
        }
        List<String> otherReferences = new ArrayList<>();
        for (String section : List.of("client", "transformation", "zone", "gtagConfig")) {
            for (JsonNode n : array(cv, section, source)) {
                references(n).stream().filter(r -> !otherReferences.contains(r)).forEach(otherReferences::add);
            }
        }
        return new GtmContainer(
                publicId,
                text(container, "name"),
                firstText(cv, container, "accountId"),
                firstText(cv, container, "containerId"),
                text(cv, "containerVersionId"),
                tags,
                triggers,
                variables,
                builtIns,
                templates,
                otherReferences,
                source);
    }

    public static Tag tag(JsonNode t, String source) {
        String id = required(t, "tagId", "tag", source);
        String name = required(t, "name", "tag " + id, source);
        String type = required(t, "type", "tag '" + name + "'", source);
        Consent consent = null;
        JsonNode cs = t.get("consentSettings");
        if (cs != null && cs.isObject() && cs.hasNonNull("consentStatus")) {
            List<String> types = new ArrayList<>();
            JsonNode ct = cs.get("consentType");
            if (ct != null) {
                for (Parameter p : parameter(ct).list()) {
                    if (p.value() != null) {
                        types.add(p.value());
                    }
                }
            }
            consent = new Consent(Spelling.upperSnake(cs.get("consentStatus").asText()), types);
        }
        return new Tag(
                id,
                name,
                type,
                t.path("paused").asBoolean(false),
                strings(t.get("firingTriggerId")),
                strings(t.get("blockingTriggerId")),
                consent,
                parameters(t.get("parameter")),
                sequenced(t.get("setupTag")),
                sequenced(t.get("teardownTag")),
                references(t));
    }

    public static Trigger trigger(JsonNode t, String source) {
        String id = required(t, "triggerId", "trigger", source);
        String name = required(t, "name", "trigger " + id, source);
        String type = Spelling.lowerCamel(required(t, "type", "trigger '" + name + "'", source));
        List<Condition> custom = conditions(t.get("customEventFilter"));
        String customEventName = null;
        for (Condition c : custom) {
            if ("EQUALS".equals(c.type()) && "{{_event}}".equals(c.arg0()) && c.arg1() != null) {
                customEventName = c.arg1();
            }
        }
        List<String> groupMembers = new ArrayList<>();
        for (Parameter p : parameters(t.get("parameter"))) {
            collectTriggerReferences(p, groupMembers);
        }
        return new Trigger(
                id,
                name,
                type,
                custom,
                conditions(t.get("filter")),
                conditions(t.get("autoEventFilter")),
                customEventName,
                groupMembers,
                references(t));
    }

    public static Variable variable(JsonNode v, String source) {
        String id = required(v, "variableId", "variable", source);
        String name = required(v, "name", "variable " + id, source);
        String type = required(v, "type", "variable '" + name + "'", source);
        List<String> refs = new ArrayList<>(references(v));
        refs.remove(name);
        return new Variable(id, name, type, parameters(v.get("parameter")), refs);
    }

    public static BuiltInVariable builtInVariable(JsonNode b) {
        String type = text(b, "type");
        String name = text(b, "name");
        return new BuiltInVariable(
                type == null ? "UNKNOWN" : Spelling.upperSnake(type), name == null ? String.valueOf(type) : name);
    }

    static Template template(JsonNode t) {
        JsonNode g = t.path("galleryReference");
        String owner = text(g, "owner");
        String repo = text(g, "repository");
        return new Template(
                String.valueOf(text(t, "templateId")),
                String.valueOf(text(t, "name")),
                owner == null || repo == null ? null : owner + "/" + repo);
    }

    static List<Parameter> parameters(@Nullable JsonNode array) {
        List<Parameter> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode p : array) {
                out.add(parameter(p));
            }
        }
        return out;
    }

    static Parameter parameter(JsonNode p) {
        String type = text(p, "type");
        return new Parameter(
                type == null ? "TEMPLATE" : Spelling.upperSnake(type),
                text(p, "key"),
                text(p, "value"),
                parameters(p.get("list")),
                parameters(p.get("map")));
    }

    private static List<Condition> conditions(@Nullable JsonNode array) {
        List<Condition> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode c : array) {
                String type = text(c, "type");
                out.add(new Condition(
                        type == null ? "UNKNOWN" : Spelling.upperSnake(type), parameters(c.get("parameter"))));
            }
        }
        return out;
    }

    private static void collectTriggerReferences(Parameter p, List<String> out) {
        if (p.type().equals("TRIGGER_REFERENCE") && p.value() != null) {
            out.add(p.value());
        }
        p.list().forEach(x -> collectTriggerReferences(x, out));
        p.map().forEach(x -> collectTriggerReferences(x, out));
    }

    private static List<String> sequenced(@Nullable JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode s : array) {
                String n = text(s, "tagName");
                if (n != null) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    /** Every {@code {{name}}} in any string value of the node, in order, once each. */
    static List<String> references(JsonNode node) {
        Set<String> out = new LinkedHashSet<>();
        collectReferences(node, out, 0);
        return List.copyOf(out);
    }

    private static void collectReferences(JsonNode node, Set<String> out, int depth) {
        if (depth > 100) {
            return;
        }
        if (node.isTextual()) {
            Matcher m = REFERENCE.matcher(node.asText());
            while (m.find()) {
                out.add(m.group(1));
            }
        } else if (node.isContainerNode()) {
            for (JsonNode child : node) {
                collectReferences(child, out, depth + 1);
            }
        }
    }

    private static List<String> strings(@Nullable JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode s : array) {
                if (!s.isNull()) {
                    out.add(s.asText());
                }
            }
        }
        return out;
    }

    private static Iterable<JsonNode> array(JsonNode parent, String field, String source) {
        JsonNode a = parent.get(field);
        if (a == null || a.isNull()) {
            return List.of();
        }
        if (!a.isArray()) {
            throw invalid(source + ": containerVersion." + field + " must be a JSON array, found a JSON " + kind(a));
        }
        return a;
    }

    private static String required(JsonNode n, String field, String what, String source) {
        String v = text(n, field);
        if (v == null) {
            throw invalid(source + ": " + what + " has no \"" + field + "\"");
        }
        return v;
    }

    static @Nullable String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    private static @Nullable String firstText(JsonNode a, JsonNode b, String field) {
        String v = text(a, field);
        return v != null ? v : text(b, field);
    }

    private static String keys(JsonNode n) {
        List<String> k = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext() && k.size() < 10; ) {
            k.add(it.next());
        }
        return k.isEmpty() ? "none (an empty object)" : k.toString();
    }

    private static String kind(JsonNode n) {
        return n.isArray()
                ? "array"
                : n.isTextual()
                        ? "string"
                        : n.isNumber() ? "number" : n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    static SitelensException invalid(String message) {
        return new SitelensException(ErrorCode.INVALID_INPUT, "gtm", message, null);
    }
}
