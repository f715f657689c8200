package io.sitelens.connector.gtm;

import static java.util.Objects.requireNonNull;

import io.sitelens.connector.gtm.internal.ContainerReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One version of a GTM container as read from an export file ({@code exportFormatVersion} 2) or from the Tag
 * Manager API v2. The API and the export spell enums differently ({@code customEvent} / {@code CUSTOM_EVENT});
 * both are normalised here: trigger types to lower camel case ({@code customEvent}, {@code pageview}), every
 * other enum (parameter, condition and built-in variable types, consent status) to upper snake case
 * ({@code TEMPLATE}, {@code MATCH_REGEX}, {@code PAGE_URL}, {@code NOT_SET}). Tag and variable types are kept
 * exactly as written ({@code gaawe}, {@code cvt_123_45}), known or not.
 *
 * @param publicId the public id as written ({@code GTM-XXXX})
 * @param otherVariableReferences {@code {{name}}} references made outside tags, triggers and variables (server
 *     containers' clients and transformations, zones), so that the variables they use count as used
 * @param source where the container came from (a file name or an API path), for messages
 */
public record GtmContainer(
        String publicId,
        @Nullable String name,
        @Nullable String accountId,
        @Nullable String containerId,
        @Nullable String versionId,
        List<Tag> tags,
        List<Trigger> triggers,
        List<Variable> variables,
        List<BuiltInVariable> builtInVariables,
        List<Template> templates,
        List<String> otherVariableReferences,
        String source) {

    public GtmContainer {
        requireNonNull(publicId, "publicId");
        tags = List.copyOf(requireNonNull(tags, "tags"));
        triggers = List.copyOf(requireNonNull(triggers, "triggers"));
        variables = List.copyOf(requireNonNull(variables, "variables"));
        builtInVariables = List.copyOf(requireNonNull(builtInVariables, "builtInVariables"));
        templates = List.copyOf(requireNonNull(templates, "templates"));
        otherVariableReferences = List.copyOf(requireNonNull(otherVariableReferences, "otherVariableReferences"));
        requireNonNull(source, "source");
    }

    /**
     * Reads a container export file ({@code Admin → Export Container}, {@code exportFormatVersion} 2). A file
     * holding a bare container version (the body of the API's {@code versions:live}) is accepted too.
     *
     * @throws io.sitelens.SitelensException {@code input.invalid} naming the file and, for broken JSON, the
     *     line and column; or saying what was expected when the JSON is not a container export
     */
    public static GtmContainer parseExport(Path file) {
        return ContainerReader.readFile(file);
    }

    /** Reads a container export from text; {@code sourceName} names it in error messages. */
    public static GtmContainer parseExport(String json, String sourceName) {
        return ContainerReader.readText(json, sourceName);
    }

    public Optional<Tag> tag(String tagId) {
        return tags.stream().filter(t -> t.id().equals(tagId)).findFirst();
    }

    public Optional<Tag> tagNamed(String tagName) {
        return tags.stream().filter(t -> t.name().equals(tagName)).findFirst();
    }

    public Optional<Trigger> trigger(String triggerId) {
        return triggers.stream().filter(t -> t.id().equals(triggerId)).findFirst();
    }

    public Optional<Variable> variable(String variableName) {
        return variables.stream().filter(v -> v.name().equals(variableName)).findFirst();
    }

    /**
     * A tag, trigger or variable parameter. Scalars have a {@code value}; {@code LIST} parameters have
     * {@code list}; {@code MAP} parameters have {@code map} (whose entries have keys).
     *
     * @param type {@code TEMPLATE}, {@code BOOLEAN}, {@code INTEGER}, {@code LIST}, {@code MAP},
     *     {@code TAG_REFERENCE}, {@code TRIGGER_REFERENCE}, or an unknown type in upper snake case
     */
    public record Parameter(
            String type, @Nullable String key, @Nullable String value, List<Parameter> list, List<Parameter> map) {
        public Parameter {
            requireNonNull(type, "type");
            list = List.copyOf(requireNonNull(list, "list"));
            map = List.copyOf(requireNonNull(map, "map"));
        }

        public static Parameter scalar(String type, @Nullable String key, @Nullable String value) {
            return new Parameter(type, key, value, List.of(), List.of());
        }

        /** The entry of a {@code MAP} parameter (or of a list of parameters) with this key. */
        public Optional<Parameter> entry(String entryKey) {
            return find(map, entryKey);
        }

        /** The scalar value of the {@code MAP} entry with this key. */
        public Optional<String> entryValue(String entryKey) {
            return entry(entryKey).map(Parameter::value);
        }

        public static Optional<Parameter> find(List<Parameter> parameters, String key) {
            return parameters.stream().filter(p -> key.equals(p.key())).findFirst();
        }

        public static Optional<String> valueOf(List<Parameter> parameters, String key) {
            return find(parameters, key).map(Parameter::value);
        }
    }

    /**
     * A tag's consent settings.
     *
     * @param status {@code NOT_SET}, {@code NOT_NEEDED}, {@code NEEDED} (or an unknown status in upper snake case)
     * @param types the consent types required when {@code NEEDED} ({@code ad_storage}, {@code analytics_storage})
     */
    public record Consent(String status, List<String> types) {
        public Consent {
            requireNonNull(status, "status");
            types = List.copyOf(requireNonNull(types, "types"));
        }

        /** Whether this tag declares a consent decision (needed or explicitly not needed). */
        public boolean isSet() {
            return !status.equals("NOT_SET");
        }
    }

    /**
     * A tag.
     *
     * @param consent the consent settings, or null when the container does not write any
     * @param setupTags names of the tags that must fire before this one (tag sequencing)
     * @param teardownTags names of the tags that fire after this one
     * @param variableReferences every {@code {{name}}} referenced anywhere in the tag, in order of appearance
     */
    public record Tag(
            String id,
            String name,
            String type,
            boolean paused,
            List<String> firingTriggerIds,
            List<String> blockingTriggerIds,
            @Nullable Consent consent,
            List<Parameter> parameters,
            List<String> setupTags,
            List<String> teardownTags,
            List<String> variableReferences) {
        public Tag {
            requireNonNull(id, "id");
            requireNonNull(name, "name");
            requireNonNull(type, "type");
            firingTriggerIds = List.copyOf(requireNonNull(firingTriggerIds, "firingTriggerIds"));
            blockingTriggerIds = List.copyOf(requireNonNull(blockingTriggerIds, "blockingTriggerIds"));
            parameters = List.copyOf(requireNonNull(parameters, "parameters"));
            setupTags = List.copyOf(requireNonNull(setupTags, "setupTags"));
            teardownTags = List.copyOf(requireNonNull(teardownTags, "teardownTags"));
            variableReferences = List.copyOf(requireNonNull(variableReferences, "variableReferences"));
        }

        public Optional<String> parameter(String key) {
            return Parameter.valueOf(parameters, key);
        }
    }

    /**
     * A trigger condition ({@code EQUALS}, {@code MATCH_REGEX}, …) over {@code arg0} and {@code arg1}.
     */
    public record Condition(String type, List<Parameter> parameters) {
        public Condition {
            requireNonNull(type, "type");
            parameters = List.copyOf(requireNonNull(parameters, "parameters"));
        }

        public @Nullable String arg0() {
            return Parameter.valueOf(parameters, "arg0").orElse(null);
        }

        public @Nullable String arg1() {
            return Parameter.valueOf(parameters, "arg1").orElse(null);
        }
    }

    /**
     * A trigger.
     *
     * @param type normalised to lower camel case ({@code pageview}, {@code customEvent}, {@code windowLoaded})
     * @param customEventName the data layer event it listens to, when a custom event filter says
     *     {@code {{_event}} equals NAME}
     * @param triggerReferences ids of the triggers a trigger group combines
     */
    public record Trigger(
            String id,
            String name,
            String type,
            List<Condition> customEventFilter,
            List<Condition> filter,
            List<Condition> autoEventFilter,
            @Nullable String customEventName,
            List<String> triggerReferences,
            List<String> variableReferences) {
        public Trigger {
            requireNonNull(id, "id");
            requireNonNull(name, "name");
            requireNonNull(type, "type");
            customEventFilter = List.copyOf(requireNonNull(customEventFilter, "customEventFilter"));
            filter = List.copyOf(requireNonNull(filter, "filter"));
            autoEventFilter = List.copyOf(requireNonNull(autoEventFilter, "autoEventFilter"));
            triggerReferences = List.copyOf(requireNonNull(triggerReferences, "triggerReferences"));
            variableReferences = List.copyOf(requireNonNull(variableReferences, "variableReferences"));
        }
    }

    /** A user-defined variable ({@code c} constant, {@code v} data layer, {@code jsm} custom JavaScript, …). */
    public record Variable(
            String id, String name, String type, List<Parameter> parameters, List<String> variableReferences) {
        public Variable {
            requireNonNull(id, "id");
            requireNonNull(name, "name");
            requireNonNull(type, "type");
            parameters = List.copyOf(requireNonNull(parameters, "parameters"));
            variableReferences = List.copyOf(requireNonNull(variableReferences, "variableReferences"));
        }

        public Optional<String> parameter(String key) {
            return Parameter.valueOf(parameters, key);
        }
    }

    /** An enabled built-in variable ({@code PAGE_URL} "Page URL", {@code EVENT} "Event"). */
    public record BuiltInVariable(String type, String name) {
        public BuiltInVariable {
            requireNonNull(type, "type");
            requireNonNull(name, "name");
        }
    }

    /**
     * A custom template of the container. Tags made from it have the type {@code cvt_<containerId>_<templateId>}.
     *
     * @param galleryRepository {@code owner/repository} of the Community Template Gallery entry, or null
     */
    public record Template(
            String templateId, String name, @Nullable String galleryRepository) {
        public Template {
            requireNonNull(templateId, "templateId");
            requireNonNull(name, "name");
        }
    }
}
