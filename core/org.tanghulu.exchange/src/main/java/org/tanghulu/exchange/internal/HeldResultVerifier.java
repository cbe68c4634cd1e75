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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanghulu.api.definition.MatterKey;
import org.tanghulu.catalog.Outcome;
import org.tanghulu.core.cases.ResultVerifier;
import org.tanghulu.kernel.json.Json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Confirms results applicants already hold with the issuing department's linked system: where the
 * department's adapter {@code verifies(matter)}, a signed {@code POST <link URL>/verifications} with
 * {@code {"matter","reference","holderId"}}, answered {@code {"confirmed":true,"outputs":{…},"values":{…}}}
 * or {@code {"confirmed":false,"reason":"…"}}. Every failure (no adapter, no system linked over HTTP,
 * no answer in time, an answer that cannot be read) is a refusal with the reason, never an exception.
 */
@Component(service = ResultVerifier.class, configurationPid = ExchangeConfig.PID)
public class HeldResultVerifier implements ResultVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(HeldResultVerifier.class);
    private static final int MAX_ANSWER = 64 * 1024;

    private final Adapters adapters;
    private final DirectStore store;
    private final Duration timeout;
    private final HttpClient http;

    @Activate
    public HeldResultVerifier(@Reference Adapters adapters, @Reference DirectStore store, ExchangeConfig config) {
        this.adapters = adapters;
        this.store = store;
        this.timeout = Duration.ofMillis(config.timeoutMillis());
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public boolean confirms(MatterKey matter) {
        Outcome<Boolean> verifies = adapters.verifies(matter.department(), matter.matter());
        return !verifies.failed() && verifies.value() && link(matter.department()).isPresent();
    }

    private Optional<LinkEntity> link(String department) {
        return store.link(department).filter(l -> LinkEntity.HTTP.equals(l.transport));
    }

    @Override
    public Confirmation verify(MatterKey matter, String reference, String holderId) {
        Outcome<Boolean> verifies = adapters.verifies(matter.department(), matter.matter());
        if (verifies.failed() || !verifies.value()) {
            return Confirmation.refused("results of " + matter + " cannot be confirmed by the department's system"
                    + (verifies.failed() ? " now (" + verifies.failure() + ")" : "") + "; apply for the matter instead");
        }
        Optional<LinkEntity> link = link(matter.department());
        if (link.isEmpty()) {
            return Confirmation.refused("department " + matter.department()
                    + " has no system linked to confirm results now; apply for the matter instead or try again later");
        }
        Map<String, String> request = new LinkedHashMap<>();
        request.put("matter", matter.matter());
        request.put("reference", reference);
        request.put("holderId", holderId);
        try {
            byte[] body = Json.stored().writeValueAsBytes(request);
            String timestamp = String.valueOf(Instant.now().getEpochSecond());
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(link.get().url + "/verifications"))
                    .timeout(timeout).header("Content-Type", "application/json")
                    .header("X-Tanghulu-Department", matter.department())
                    .header(Signatures.TIMESTAMP, timestamp)
                    .header(Signatures.SIGNATURE, Signatures.sign(link.get().secret, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
            return answer(matter, response.statusCode(), response.body());
        } catch (HttpTimeoutException e) {
            return unreachable(matter, "no answer within " + timeout.toMillis() + " ms");
        } catch (IOException | IllegalArgumentException e) {
            return unreachable(matter, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unreachable(matter, "interrupted");
        }
    }

    private static Confirmation unreachable(MatterKey matter, String why) {
        LOG.warn("Held result of {} not confirmed: the system of {} failed: {}", matter, matter.department(), why);
        return Confirmation.refused("the system of department " + matter.department()
                + " could not be reached to confirm it; try again later");
    }

    /** Reads the system's answer: a refusal for anything but 200 with a readable verdict. */
    static Confirmation answer(MatterKey matter, int status, byte[] body) {
        if (status != 200 || body.length > MAX_ANSWER) {
            return unreachable(matter, "HTTP " + status + (body.length > MAX_ANSWER ? ", answer over 64 KiB" : ""));
        }
        JsonNode root;
        try {
            root = Json.stored().readTree(body);
        } catch (IOException e) {
            return unreachable(matter, "the answer is not JSON");
        }
        if (root == null || !root.path("confirmed").isBoolean()) {
            return unreachable(matter, "the answer has no boolean \"confirmed\"");
        }
        if (!root.path("confirmed").asBoolean()) {
            String reason = root.path("reason").asText("").strip();
            return Confirmation.refused(reason.isEmpty() ? "the department's system does not confirm it"
                    : reason.length() > 500 ? reason.substring(0, 500) : reason);
        }
        return new Confirmation(true, null, strings(root.path("outputs")), strings(root.path("values")));
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> values = new LinkedHashMap<>();
        node.fields().forEachRemaining(f -> {
            if (f.getValue().isValueNode() && !f.getValue().isNull()) {
                values.put(f.getKey(), f.getValue().asText());
            }
        });
        return values;
    }
}
