package io.sitelens.connector.matomo.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitelens.SitelensException;
import org.jspecify.annotations.Nullable;

/** The answer to one sub-request of a bulk request: a body, or the error Matomo gave for that sub-request. */
public record BulkAnswer(
        ApiRequest request,
        @Nullable JsonNode body,
        @Nullable SitelensException error) {
    public BulkAnswer {
        if ((body == null) == (error == null)) {
            throw new IllegalArgumentException("a bulk answer is a body or an error");
        }
    }

    static BulkAnswer ok(ApiRequest request, JsonNode body) {
        return new BulkAnswer(request, body, null);
    }

    static BulkAnswer failed(ApiRequest request, SitelensException error) {
        return new BulkAnswer(request, null, error);
    }

    public boolean failed() {
        return error != null;
    }
}
