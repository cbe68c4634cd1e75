package org.tanghulu.exchange.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tanghulu.kernel.json.Json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Questions an applicant waits for, put to a department's system linked over HTTP: a signed
 * {@code POST <link URL>/<path>} with a JSON object, under the exchange's timeout, its answer read as a
 * JSON object. Held results ({@code verifications}) and base-registry lookups ({@code lookups}) go
 * through here; a task's own exchange does not (it is queued and retried).
 */
@Component(service = SystemQueries.class, configurationPid = ExchangeConfig.PID)
public class SystemQueries {

    private static final int MAX_ANSWER = 64 * 1024;

    private final DirectStore store;
    private final Duration timeout;
    private final HttpClient http;

    @Activate
    public SystemQueries(@Reference DirectStore store, ExchangeConfig config) {
        this.store = store;
        this.timeout = Duration.ofMillis(config.timeoutMillis());
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** The answer: its JSON object, or why there is none (for the log: the applicant is told only that it failed). */
    record Answer(JsonNode body, String failure) {
    }

    /** @return whether the department's system is linked over HTTP */
    boolean linked(String department) {
        return link(department).isPresent();
    }

    private Optional<LinkEntity> link(String department) {
        return store.link(department).filter(l -> LinkEntity.HTTP.equals(l.transport));
    }

    /** @return the system's answer, or a failure; empty if the department has no system linked over HTTP */
    Optional<Answer> ask(String department, String path, Map<String, String> question) {
        Optional<LinkEntity> link = link(department);
        if (link.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] body = Json.stored().writeValueAsBytes(new LinkedHashMap<>(question));
            String timestamp = String.valueOf(Instant.now().getEpochSecond());
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(link.get().url + "/" + path))
                    .timeout(timeout).header("Content-Type", "application/json")
                    .header("X-Tanghulu-Department", department)
                    .header(Signatures.TIMESTAMP, timestamp)
                    .header(Signatures.SIGNATURE, Signatures.sign(link.get().secret, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
            return Optional.of(read(response.statusCode(), response.body()));
        } catch (HttpTimeoutException e) {
            return Optional.of(new Answer(null, "no answer within " + timeout.toMillis() + " ms"));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.of(new Answer(null, e.toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(new Answer(null, "interrupted"));
        }
    }

    /** @return the JSON object of a 200 answer, or the failure */
    static Answer read(int status, byte[] body) {
        if (status != 200 || body.length > MAX_ANSWER) {
            return new Answer(null, "HTTP " + status + (body.length > MAX_ANSWER ? ", answer over 64 KiB" : ""));
        }
        try {
            JsonNode root = Json.stored().readTree(body);
            return root != null && root.isObject() ? new Answer(root, null) : new Answer(null, "the answer is not a JSON object");
        } catch (IOException e) {
            return new Answer(null, "the answer is not JSON");
        }
    }

    /** @return the scalar members of a JSON object as text; nested ones left out */
    static Map<String, String> strings(JsonNode node) {
        Map<String, String> values = new LinkedHashMap<>();
        node.fields().forEachRemaining(f -> {
            if (f.getValue().isValueNode() && !f.getValue().isNull()) {
                values.put(f.getKey(), f.getValue().asText());
            }
        });
        return values;
    }
}
