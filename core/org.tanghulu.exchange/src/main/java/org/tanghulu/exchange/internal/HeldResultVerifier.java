package org.tanghulu.exchange.internal;

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

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Confirms results applicants already hold with the issuing department's linked system: where the
 * department's adapter {@code verifies(matter)}, {@code verifications} ({@link SystemQueries}) with
 * {@code {"matter","reference","holderId"}}, answered {@code {"confirmed":true,"outputs":{…},"values":{…}}}
 * or {@code {"confirmed":false,"reason":"…"}}. Every failure (no adapter, no system linked over HTTP,
 * no answer in time, an answer that cannot be read) is a refusal with the reason, never an exception.
 */
@Component(service = ResultVerifier.class)
public class HeldResultVerifier implements ResultVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(HeldResultVerifier.class);

    private final Adapters adapters;
    private final SystemQueries systems;

    @Activate
    public HeldResultVerifier(@Reference Adapters adapters, @Reference SystemQueries systems) {
        this.adapters = adapters;
        this.systems = systems;
    }

    @Override
    public boolean confirms(MatterKey matter) {
        Outcome<Boolean> verifies = adapters.verifies(matter.department(), matter.matter());
        return !verifies.failed() && verifies.value() && systems.linked(matter.department());
    }

    @Override
    public Confirmation verify(MatterKey matter, String reference, String holderId) {
        Outcome<Boolean> verifies = adapters.verifies(matter.department(), matter.matter());
        if (verifies.failed() || !verifies.value()) {
            return Confirmation.refused("results of " + matter + " cannot be confirmed by the department's system"
                    + (verifies.failed() ? " now (" + verifies.failure() + ")" : "") + "; apply for the matter instead");
        }
        Optional<SystemQueries.Answer> answer = systems.ask(matter.department(), "verifications",
                Map.of("matter", matter.matter(), "reference", reference, "holderId", holderId));
        if (answer.isEmpty()) {
            return Confirmation.refused("department " + matter.department()
                    + " has no system linked to confirm results now; apply for the matter instead or try again later");
        }
        return answer(matter, answer.get());
    }

    /** Reads the system's answer: a refusal for anything but a readable verdict. */
    static Confirmation answer(MatterKey matter, SystemQueries.Answer answer) {
        JsonNode root = answer.body();
        if (root == null || !root.path("confirmed").isBoolean()) {
            LOG.warn("Held result of {} not confirmed: the system of {} failed: {}", matter, matter.department(),
                    root == null ? answer.failure() : "the answer has no boolean \"confirmed\"");
            return Confirmation.refused("the system of department " + matter.department()
                    + " could not be reached to confirm it; try again later");
        }
        if (!root.path("confirmed").asBoolean()) {
            String reason = root.path("reason").asText("").strip();
            return Confirmation.refused(reason.isEmpty() ? "the department's system does not confirm it"
                    : reason.length() > 500 ? reason.substring(0, 500) : reason);
        }
        return new Confirmation(true, null, SystemQueries.strings(root.path("outputs")), SystemQueries.strings(root.path("values")));
    }
}
