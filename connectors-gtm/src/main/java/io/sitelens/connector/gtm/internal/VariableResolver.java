package io.sitelens.connector.gtm.internal;

import io.sitelens.connector.gtm.GtmContainer;
import io.sitelens.connector.gtm.GtmContainer.Parameter;
import io.sitelens.connector.gtm.GtmContainer.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Substitutes constant variables ({@code c}) into templates such as {@code AW-{{Ads ID}}}, and says which
 * references stay open (run-time variables) or are undefined.
 */
final class VariableResolver {
    private static final int MAX_DEPTH = 10;

    /** GTM's internal names for built-ins ({@code {{_event}}}, {@code {{_url}}}) are always defined. */
    static boolean isInternalName(String name) {
        return name.startsWith("_");
    }

    private final Map<String, Variable> variables = new HashMap<>();
    private final Set<String> builtIns = new LinkedHashSet<>();

    VariableResolver(GtmContainer container) {
        container.variables().forEach(v -> variables.putIfAbsent(v.name(), v));
        container.builtInVariables().forEach(b -> builtIns.add(b.name()));
    }

    /**
     * @param text the template with constants substituted
     * @param complete no variable reference is left
     * @param undefined references to names that are neither user-defined nor enabled built-ins
     */
    record Resolution(String text, boolean complete, List<String> undefined) {}

    boolean isDefined(String name) {
        return variables.containsKey(name) || builtIns.contains(name) || isInternalName(name);
    }

    @Nullable
    Variable variable(String name) {
        return variables.get(name);
    }

    Resolution resolve(String template) {
        List<String> undefined = new ArrayList<>();
        String text = substitute(template, undefined, 0);
        return new Resolution(text, !ContainerReader.REFERENCE.matcher(text).find(), List.copyOf(undefined));
    }

    private String substitute(String template, List<String> undefined, int depth) {
        Matcher m = ContainerReader.REFERENCE.matcher(template);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            Variable v = variables.get(name);
            String replacement = m.group();
            if (v != null && v.type().equals("c") && depth < MAX_DEPTH) {
                replacement = substitute(v.parameter("value").orElse(""), undefined, depth + 1);
            } else if (!isDefined(name) && !undefined.contains(name)) {
                undefined.add(name);
            }
            m.appendReplacement(b, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(b);
        return b.toString();
    }

    /**
     * A full-match regular expression of the values a template can take: literal text quoted, constants
     * substituted, lookup and regex tables expanded to their outputs, any other reference as {@code .+}.
     */
    String pattern(String template, @Nullable String eventPattern) {
        this.eventPattern = eventPattern;
        try {
            return pattern(template, 0);
        } finally {
            this.eventPattern = null;
        }
    }

    private @Nullable String eventPattern;

    private String pattern(String template, int depth) {
        Matcher m = ContainerReader.REFERENCE.matcher(template);
        StringBuilder b = new StringBuilder();
        int last = 0;
        while (m.find()) {
            if (m.start() > last) {
                b.append(quote(template.substring(last, m.start())));
            }
            b.append(variablePattern(m.group(1), depth));
            last = m.end();
        }
        if (last < template.length()) {
            b.append(quote(template.substring(last)));
        }
        return b.toString();
    }

    private String variablePattern(String name, int depth) {
        if (eventPattern != null && (name.equals("_event") || (name.equals("Event") && builtIns.contains(name)))) {
            return eventPattern;
        }
        Variable v = variables.get(name);
        if (v == null || depth >= MAX_DEPTH) {
            return ".+";
        }
        if (v.type().equals("c")) {
            return pattern(v.parameter("value").orElse(""), depth + 1);
        }
        if (v.type().equals("smm") || v.type().equals("remm")) {
            Set<String> outputs = new LinkedHashSet<>();
            String input = v.parameter("input").orElse("");
            Pattern keys = v.type().equals("smm")
                            && eventPattern != null
                            && (input.equals("{{Event}}") || input.equals("{{_event}}"))
                    ? Pattern.compile(eventPattern)
                    : null;
            for (Parameter row :
                    Parameter.find(v.parameters(), "map").map(Parameter::list).orElse(List.of())) {
                String key = row.entryValue("key").orElse("");
                if (keys != null && !keys.matcher(key).matches()) {
                    continue; // the tag never fires on this row's event
                }
                String out = row.entryValue("value").orElse(null);
                if (out == null) {
                    return ".+";
                }
                outputs.add(pattern(out, depth + 1));
            }
            if ("true".equals(v.parameter("setDefaultValue").orElse("false"))) {
                outputs.add(pattern(v.parameter("defaultValue").orElse(""), depth + 1));
            }
            outputs.remove("");
            return outputs.isEmpty() ? ".+" : "(?:" + String.join("|", outputs) + ")";
        }
        return ".+";
    }

    /** Escapes regular-expression punctuation with backslashes (valid in both Java and RE2 syntax). */
    static String quote(String literal) {
        StringBuilder b = new StringBuilder(literal.length() + 8);
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c < 128 && !Character.isLetterOrDigit(c) && c != '_' && c != ' ') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }
}
