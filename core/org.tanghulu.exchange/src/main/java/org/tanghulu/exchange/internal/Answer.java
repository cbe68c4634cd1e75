package org.tanghulu.exchange.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.tanghulu.core.cases.Decision;
import org.tanghulu.kernel.json.Json;

/**
 * A department system's answer on one task, as its response or its callback:
 * {@code {"answerId":"…","task":45,"kind":"APPROVED","outputs":{…},"message":…,"fields":[…]}}.
 *
 * @param answerId the system's id of the answer; the same answer sent again has the same id
 * @param trackingNumber the case as the request named it, or {@code null} if the system does not repeat it
 */
record Answer(String answerId, long task, String trackingNumber, Kind kind, Map<String, String> outputs, String message,
        List<String> fields) {

    /** What the system says. */
    enum Kind {
        /** Received; the decision comes by callback. */
        ACCEPTED,
        APPROVED,
        REJECTED,
        CORRECTION
    }

    /**
     * @return the answer in {@code body}
     * @throws IllegalArgumentException naming what is wrong with it, for the system's maintainers
     */
    static Answer parse(byte[] body) {
        JsonNode root;
        try {
            root = Json.stored().readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("the answer is not JSON: "
                    + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the answer must be a JSON object");
        }
        String answerId = root.path("answerId").asText("");
        if (answerId.isBlank() || answerId.length() > 100) {
            throw new IllegalArgumentException("answerId is required, at most 100 characters");
        }
        if (!root.path("task").canConvertToLong()) {
            throw new IllegalArgumentException("task must be the task's number");
        }
        Kind kind;
        try {
            kind = Kind.valueOf(root.path("kind").asText(""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("kind must be one of ACCEPTED, APPROVED, REJECTED, CORRECTION");
        }
        Map<String, String> outputs = new LinkedHashMap<>();
        root.path("outputs").fields().forEachRemaining(f -> outputs.put(f.getKey(), f.getValue().asText()));
        List<String> fields = new ArrayList<>();
        root.path("fields").forEach(f -> fields.add(f.asText()));
        JsonNode message = root.path("message");
        JsonNode trackingNumber = root.path("trackingNumber");
        return new Answer(answerId, root.path("task").asLong(), trackingNumber.isTextual() ? trackingNumber.asText() : null, kind, outputs,
                message.isTextual() && !message.asText().isBlank() ? message.asText() : null, fields);
    }

    /** @return the decision it is; {@code null} for {@link Kind#ACCEPTED} */
    Decision decision() {
        return switch (kind) {
            case APPROVED -> new Decision(Decision.Kind.APPROVE, outputs, message, List.of());
            case REJECTED -> new Decision(Decision.Kind.REJECT, Map.of(), message, List.of());
            case CORRECTION -> new Decision(Decision.Kind.REQUEST_CORRECTION, Map.of(), message, fields);
            case ACCEPTED -> null;
        };
    }
}
