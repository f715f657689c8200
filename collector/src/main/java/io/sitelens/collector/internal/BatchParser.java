package io.sitelens.collector.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitelens.spi.storage.BehaviourEvent.Kind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Strict validation of a tracker batch: a JSON object with exactly the documented keys and types, within size
 * caps. Anything else is a {@link Invalid} naming the field ({@code e[3].q}) and the rule; never echoing the
 * value.
 */
public final class BatchParser {
    /** Largest accepted body (the tracker keeps batches under this). */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    public static final int MAX_EVENTS = 500;
    static final int MAX_SELECTOR = 256;
    static final int MAX_URL = 1024;
    static final int MAX_COORDINATE = 1_000_000;
    static final int MAX_VIEWPORT = 100_000;
    static final double MAX_ENGAGED_MS = 86_400_000;

    private static final Pattern SITE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern COOKIE = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern ZONE = Pattern.compile("[A-Za-z0-9_+/-]{0,64}");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z0-9-]{0,35}");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}]");
    private static final Set<String> TOP = Set.of("v", "s", "t", "c", "i", "r", "p", "e");
    private static final Set<String> CONSENT = Set.of("b", "g", "r", "n");
    private static final Set<String> PAGE = Set.of("u", "r", "w", "h", "sw", "sh", "z", "l");
    private static final Set<String> EVENT = Set.of("k", "t", "x", "y", "q", "f", "d");
    private static final Map<String, Kind> KINDS =
            Arrays.stream(Kind.values()).collect(Collectors.toMap(Kind::code, Function.identity()));

    private final ObjectMapper json;

    public BatchParser() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(4)
                        .maxStringLength(MAX_BODY_BYTES)
                        .maxNumberLength(32)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.json = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** Thrown for a batch that breaks a rule; the message names the field and the rule, never its value. */
    public static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    public Batch parse(byte[] body) {
        if (body.length == 0) {
            throw new Invalid("empty body");
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new Invalid("body of " + body.length + " bytes exceeds " + MAX_BODY_BYTES);
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            throw new Invalid("not well-formed JSON (" + firstLine(e.getMessage()) + ")");
        }
        if (root == null || !root.isObject()) {
            throw new Invalid("the body must be a JSON object");
        }
        onlyKeys(root, TOP, "");
        if (integer(root, "v", "", 0, 100) != 1) {
            throw new Invalid("v: unsupported batch version");
        }
        String site = pattern(root, "s", "", SITE, true);
        long clientTime = longValue(root, "t", "");
        JsonNode consent = object(root, "c", "");
        onlyKeys(consent, CONSENT, "c.");
        boolean behaviour = flag(consent, "b", "c.");
        boolean geo = flag(consent, "g", "c.");
        boolean cookie = flag(consent, "r", "c.");
        String notice = text(consent, "n", "c.", 64, false);
        String cookieId = root.hasNonNull("i") ? pattern(root, "i", "", COOKIE, true) : null;
        boolean returning = root.has("r") && flag(root, "r", "");
        JsonNode page = object(root, "p", "");
        onlyKeys(page, PAGE, "p.");
        String path = text(page, "u", "p.", MAX_URL, true);
        if (!path.startsWith("/")) {
            throw new Invalid("p.u: must be a path starting with /");
        }
        String referrer = page.has("r") ? text(page, "r", "p.", MAX_URL, false) : "";
        if (!referrer.isEmpty() && !(referrer.startsWith("https://") || referrer.startsWith("http://"))) {
            throw new Invalid("p.r: must be empty or an http(s) URL");
        }
        int vw = integer(page, "w", "p.", 0, MAX_VIEWPORT);
        int vh = integer(page, "h", "p.", 0, MAX_VIEWPORT);
        int sw = page.has("sw") ? integer(page, "sw", "p.", 0, MAX_VIEWPORT) : 0;
        int sh = page.has("sh") ? integer(page, "sh", "p.", 0, MAX_VIEWPORT) : 0;
        String zone = page.has("z") ? pattern(page, "z", "p.", ZONE, false) : "";
        String language = page.has("l") ? pattern(page, "l", "p.", LANGUAGE, false) : "";
        JsonNode events = root.get("e");
        if (events == null || !events.isArray()) {
            throw new Invalid("e: expected an array of events");
        }
        if (events.isEmpty() || events.size() > MAX_EVENTS) {
            throw new Invalid("e: expected 1 to " + MAX_EVENTS + " events, got " + events.size());
        }
        List<Batch.Event> parsed = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            parsed.add(event(events.get(i), "e[" + i + "]."));
        }
        return new Batch(
                site,
                clientTime,
                behaviour,
                geo,
                cookie,
                notice,
                cookieId,
                returning,
                stripQuery(path),
                referrer.isEmpty() ? null : stripQuery(referrer),
                vw,
                vh,
                sw,
                sh,
                zone.isEmpty() ? null : zone,
                language.isEmpty() ? null : language,
                parsed);
    }

    private static Batch.Event event(JsonNode e, String at) {
        if (!e.isObject()) {
            throw new Invalid(at.substring(0, at.length() - 1) + ": expected an object");
        }
        onlyKeys(e, EVENT, at);
        Kind kind = KINDS.get(text(e, "k", at, 2, true));
        if (kind == null) {
            throw new Invalid(at + "k: unknown event kind");
        }
        long t = longValue(e, "t", at);
        boolean positioned = kind == Kind.CLICK || kind == Kind.RAGE_CLICK || kind == Kind.MOUSE_MOVE;
        int x = positioned || e.has("x") ? integer(e, "x", at, -1, MAX_COORDINATE) : 0;
        int y = positioned || e.has("y") ? integer(e, "y", at, -1, MAX_COORDINATE) : 0;
        boolean selected = kind == Kind.CLICK || kind == Kind.RAGE_CLICK || kind == Kind.DEAD_CLICK;
        String selector = selected ? text(e, "q", at, MAX_SELECTOR, true) : null;
        if (!selected && e.has("q")) {
            throw new Invalid(at + "q: only clicks carry a selector");
        }
        boolean form = kind == Kind.FORM_START || kind == Kind.FORM_SUBMIT;
        String formId = form ? text(e, "f", at, 128, true) : null;
        if (!form && e.has("f")) {
            throw new Invalid(at + "f: only form events carry a form id");
        }
        double value = 0;
        if (kind == Kind.SCROLL) {
            value = number(e, "d", at, 0, 1);
        } else if (kind == Kind.ENGAGEMENT) {
            value = number(e, "d", at, 0, MAX_ENGAGED_MS);
        } else if (e.has("d")) {
            throw new Invalid(at + "d: only scroll and engagement events carry a value");
        }
        return new Batch.Event(kind, t, x, y, selector, formId, value);
    }

    private static void onlyKeys(JsonNode node, Set<String> allowed, String at) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                throw new Invalid(
                        at + (name.length() > 16 ? name.substring(0, 16) + "…" : name) + ": unknown field (allowed: "
                                + allowed.stream().sorted().toList() + ")");
            }
        }
    }

    private static JsonNode object(JsonNode node, String key, String at) {
        JsonNode v = node.get(key);
        if (v == null || !v.isObject()) {
            throw new Invalid(at + key + ": expected an object");
        }
        return v;
    }

    private static String text(JsonNode node, String key, String at, int max, boolean required) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                throw new Invalid(at + key + ": required");
            }
            return "";
        }
        if (!v.isTextual()) {
            throw new Invalid(at + key + ": expected a string");
        }
        String s = v.textValue();
        if (s.length() > max) {
            throw new Invalid(at + key + ": longer than " + max + " characters");
        }
        if (CONTROL.matcher(s).find()) {
            throw new Invalid(at + key + ": contains control characters");
        }
        if (required && s.isEmpty()) {
            throw new Invalid(at + key + ": must not be empty");
        }
        return s;
    }

    private static String pattern(JsonNode node, String key, String at, Pattern p, boolean required) {
        String s = text(node, key, at, 128, required);
        if (!p.matcher(s).matches()) {
            throw new Invalid(at + key + ": does not match " + p.pattern());
        }
        return s;
    }

    private static long longValue(JsonNode node, String key, String at) {
        JsonNode v = node.get(key);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new Invalid(at + key + ": expected an integer");
        }
        return v.longValue();
    }

    private static int integer(JsonNode node, String key, String at, int min, int max) {
        JsonNode v = node.get(key);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new Invalid(at + key + ": expected an integer");
        }
        int i = v.intValue();
        if (i < min || i > max) {
            throw new Invalid(at + key + ": expected " + min + " to " + max);
        }
        return i;
    }

    private static double number(JsonNode node, String key, String at, double min, double max) {
        JsonNode v = node.get(key);
        if (v == null || !v.isNumber()) {
            throw new Invalid(at + key + ": expected a number");
        }
        double d = v.doubleValue();
        if (!(d >= min && d <= max)) {
            throw new Invalid(at + key + ": expected " + min + " to " + max);
        }
        return d;
    }

    private static boolean flag(JsonNode node, String key, String at) {
        return integer(node, key, at, 0, 1) == 1;
    }

    private static String stripQuery(String url) {
        int cut = url.length();
        for (char c : new char[] {'?', '#'}) {
            int i = url.indexOf(c);
            if (i >= 0) {
                cut = Math.min(cut, i);
            }
        }
        return url.substring(0, cut);
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.length() > 120 ? line.substring(0, 120) : line;
    }
}
