package io.sitelens.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a tag-management container tracks: its tags, triggers and variables, and the analytics events its
 * tags send. Produced by the GTM connector (from an export or the API); read by insights ("this event never
 * fired") and reports. Unknown tag, trigger and variable types are kept as written.
 *
 * @param containerId the public container id as written ({@code GTM-XXXX})
 * @param measurementIds GA4 measurement ids ({@code G-…}) the container sends to, resolved through variables
 */
public record TrackingPlan(
        String containerId,
        @Nullable String containerName,
        List<Tag> tags,
        List<Trigger> triggers,
        List<Variable> variables,
        List<String> builtInVariables,
        List<TrackedEvent> events,
        List<String> measurementIds) {

    public TrackingPlan {
        requireNonNull(containerId, "containerId");
        tags = List.copyOf(requireNonNull(tags, "tags"));
        triggers = List.copyOf(requireNonNull(triggers, "triggers"));
        variables = List.copyOf(requireNonNull(variables, "variables"));
        builtInVariables = List.copyOf(requireNonNull(builtInVariables, "builtInVariables"));
        events = List.copyOf(requireNonNull(events, "events"));
        measurementIds = List.copyOf(requireNonNull(measurementIds, "measurementIds"));
    }

    /**
     * A tag.
     *
     * @param type the raw container type ({@code gaawe}, {@code googtag}, {@code html}, {@code cvt_…})
     * @param consentSettings the tag's consent settings as written ({@code NOT_SET}, {@code NEEDED}, …), or null
     */
    public record Tag(
            String id,
            String name,
            String type,
            boolean paused,
            List<String> firingTriggerIds,
            List<String> blockingTriggerIds,
            @Nullable String consentSettings,
            Map<String, String> parameters) {
        public Tag {
            requireNonNull(id, "id");
            requireNonNull(name, "name");
            requireNonNull(type, "type");
            firingTriggerIds = List.copyOf(requireNonNull(firingTriggerIds, "firingTriggerIds"));
            blockingTriggerIds = List.copyOf(requireNonNull(blockingTriggerIds, "blockingTriggerIds"));
            parameters = Map.copyOf(requireNonNull(parameters, "parameters"));
        }
    }

    /** A trigger, with its type normalised to lower camel case ({@code pageview}, {@code customEvent}). */
    public record Trigger(
            String id, String name, String type, @Nullable String customEventName) {
        public Trigger {
            requireNonNull(id, "id");
            requireNonNull(name, "name");
            requireNonNull(type, "type");
        }
    }

    /** A user-defined variable. */
    public record Variable(String id, String name, String type, Map<String, String> parameters) {
        public Variable {
            requireNonNull(id, "id");
            requireNonNull(name, "name");
            requireNonNull(type, "type");
            parameters = Map.copyOf(requireNonNull(parameters, "parameters"));
        }
    }

    /**
     * An analytics event a tag sends.
     *
     * @param name the event name as written (may contain {@code {{variable}}} references)
     * @param dynamic true when the name contains variable references and the real names are only known at run time
     * @param measurementId the GA4 measurement id it is sent to, when resolvable
     */
    public record TrackedEvent(
            String name,
            boolean dynamic,
            String tagId,
            @Nullable String measurementId,
            List<String> parameters) {
        public TrackedEvent {
            requireNonNull(name, "name");
            requireNonNull(tagId, "tagId");
            parameters = List.copyOf(requireNonNull(parameters, "parameters"));
        }
    }
}
