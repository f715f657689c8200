package io.sitelens.connector.ga4.internal;

import com.google.api.client.http.HttpResponseException;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads what Google said about a failure. The GA4 client's {@code ApiException} message holds only the HTTP
 * status; Google's own text ("Exhausted property tokens per day…", "User does not have sufficient permissions…")
 * is in the JSON body carried by the exception's cause.
 */
final class Ga4Errors {
    private static final int MAX_MESSAGE = 600;

    /** How a 429 is to be handled, from Google's text. */
    enum QuotaKind {
        /** The property's (or project's) daily tokens are spent: stop until midnight Pacific time. */
        DAILY,
        /** An hourly quota is spent: wait for the next hour. */
        HOURLY,
        /** Too many requests in flight: back off briefly. */
        CONCURRENT
    }

    private Ga4Errors() {}

    static String googleMessage(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof HttpResponseException h) {
                String body = h.getContent();
                if (body != null && !body.isBlank()) {
                    String fromJson = messageFromJson(body);
                    return cap(fromJson != null ? fromJson : body.strip());
                }
                return cap(h.getStatusCode() + " " + (h.getStatusMessage() == null ? "" : h.getStatusMessage()));
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return cap(String.valueOf(error.getMessage()));
    }

    static @Nullable String messageFromJson(String body) {
        try {
            JsonElement root = JsonParser.parseString(body);
            if (root.isJsonObject()) {
                JsonObject o = root.getAsJsonObject();
                JsonElement err = o.get("error");
                if (err != null && err.isJsonObject() && err.getAsJsonObject().has("message")) {
                    return err.getAsJsonObject().get("message").getAsString();
                }
                if (err != null && err.isJsonPrimitive()) {
                    return err.getAsString();
                }
            }
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
            return null;
        }
        return null;
    }

    static QuotaKind quotaKind(String googleMessage) {
        String m = googleMessage.toLowerCase(Locale.ROOT);
        if (m.contains("per day") || m.contains("daily")) {
            return QuotaKind.DAILY;
        }
        if (m.contains("concurrent")) {
            return QuotaKind.CONCURRENT;
        }
        return QuotaKind.HOURLY;
    }

    private static String cap(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= MAX_MESSAGE ? one : one.substring(0, MAX_MESSAGE) + "…";
    }
}
