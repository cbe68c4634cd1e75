package org.tanghulu.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Cases of the demo's establishment group as an applicant and the officers see them over the JSON API: submit, view,
 * have officers approve every ready task but those of the departments left to the exchange, read the events and the
 * signed dossier.
 */
final class ExchangeCases {

    /** A case as its applicant reaches it. */
    record Receipt(String trackingNumber, String accessKey) {
    }

    private final Distribution karaf;
    private final ObjectNode application;
    private final JsonNode outputs;
    private final Set<String> automatic;

    /** @param automatic the departments whose tasks the officers leave alone */
    ExchangeCases(Distribution karaf, ObjectNode application, JsonNode outputs, Set<String> automatic) {
        this.karaf = karaf;
        this.application = application;
        this.outputs = outputs;
        this.automatic = automatic;
    }

    Receipt submit() throws IOException {
        ObjectNode app = application.deepCopy();
        app.put("submissionKey", UUID.randomUUID().toString());
        HttpResponse<String> a = karaf.send("POST", "/api/cases", app.toString());
        assertEquals(201, a.statusCode(), a.body());
        JsonNode body = Distribution.JSON.readTree(a.body());
        return new Receipt(body.get("trackingNumber").asText(), body.get("accessKey").asText());
    }

    JsonNode view(Receipt r) throws IOException {
        HttpResponse<String> a = karaf.send("GET", "/api/cases/" + r.trackingNumber(), null, "X-Access-Key", r.accessKey());
        assertEquals(200, a.statusCode(), a.body());
        return Distribution.JSON.readTree(a.body());
    }

    /** Officers approve the ready tasks of every department not left to the exchange until {@code until} holds. */
    JsonNode driveUntil(Receipt r, Predicate<JsonNode> until, Duration limit) throws Exception {
        return drive(r, Set.of(), until, limit);
    }

    /** As {@link #driveUntil}, the officers also deciding the tasks of the departments {@code alsoByHand}. */
    JsonNode drive(Receipt r, Set<String> alsoByHand, Predicate<JsonNode> until, Duration limit) throws Exception {
        Instant end = Instant.now().plus(limit);
        while (Instant.now().isBefore(end)) {
            JsonNode view = view(r);
            if (until.test(view)) {
                return view;
            }
            for (JsonNode t : view.get("tasks")) {
                String department = t.get("matter").get("department").asText();
                if ("READY".equals(t.get("state").asText()) && (!automatic.contains(department) || alsoByHand.contains(department))) {
                    approve(t, department);
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the case did not get there within " + limit + ": " + view(r));
    }

    private void approve(JsonNode task, String department) throws IOException {
        String matter = department + "/" + task.get("matter").get("matter").asText();
        String[] officer = karaf.staffAuth("officer-" + department);
        long id = task.get("id").asLong();
        HttpResponse<String> claim = karaf.send("POST", "/api/tasks/" + id + "/claim", null, officer);
        assertEquals(200, claim.statusCode(), () -> matter + " claim: " + claim.body());
        String decision = Distribution.JSON.createObjectNode().put("kind", "APPROVE").set("outputs", outputs.get(matter)).toString();
        HttpResponse<String> approve = karaf.send("POST", "/api/tasks/" + id + "/decision", decision, officer);
        assertEquals(200, approve.statusCode(), () -> matter + " approve: " + approve.body());
    }

    /** @return how many APPROVED events the task has */
    long approvals(Receipt r, long task) throws IOException {
        HttpResponse<String> a = karaf.send("GET", "/api/cases/" + r.trackingNumber() + "/events", null, "X-Access-Key",
                r.accessKey());
        assertEquals(200, a.statusCode(), a.body());
        long n = 0;
        for (JsonNode e : Distribution.JSON.readTree(a.body())) {
            if ("APPROVED".equals(e.path("type").asText()) && e.path("taskId").asLong() == task) {
                n++;
            }
        }
        return n;
    }

    static JsonNode task(JsonNode view, String matter) {
        for (JsonNode t : view.get("tasks")) {
            if (matter.equals(t.get("matter").get("department").asText() + "/" + t.get("matter").get("matter").asText())) {
                return t;
            }
        }
        throw new AssertionError(matter + " is not among " + view.get("tasks"));
    }

    static String state(JsonNode view, String matter) {
        for (JsonNode t : view.get("tasks")) {
            if (matter.equals(t.get("matter").get("department").asText() + "/" + t.get("matter").get("matter").asText())) {
                return t.get("state").asText();
            }
        }
        return null;
    }

    static long count(List<String> lines, String... parts) {
        return lines.stream().filter(l -> java.util.Arrays.stream(parts).allMatch(l::contains)).count();
    }

    /** @return the case's dossier from the applicant's signed file: "MODE WAY DEPARTMENT KIND payload" per entry */
    List<String> dossier(Receipt r) throws IOException {
        HttpResponse<String> a = karaf.send("GET", "/api/cases/" + r.trackingNumber() + "/dossier", null, "X-Access-Key",
                r.accessKey());
        assertEquals(200, a.statusCode(), a.body());
        return a.body().lines().filter(l -> l.startsWith("entry ")).map(l -> l.split(" ")).map(f -> String.join(" ", f[3], f[4],
                f[5], f[6], new String(java.util.Base64.getDecoder().decode(f[8]), StandardCharsets.UTF_8))).toList();
    }
}
