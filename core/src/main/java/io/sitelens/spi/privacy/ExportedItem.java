package io.sitelens.spi.privacy;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * One record of a subject's data found in a system, for access and portability exports.
 *
 * @param category the category of data ({@code contact}, {@code behaviour-event}, {@code visit}, {@code consent})
 * @param source the system and table or list it came from
 * @param fields field name → value as stored
 * @param providedBySubject true for data the subject provided or generated (the portability subset)
 */
public record ExportedItem(String category, String source, Map<String, String> fields, boolean providedBySubject) {
    public ExportedItem {
        requireNonNull(category, "category");
        requireNonNull(source, "source");
        fields = Map.copyOf(requireNonNull(fields, "fields"));
    }
}
