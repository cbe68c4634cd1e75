package org.tanghulu.core.cases;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.annotation.versioning.ConsumerType;
import org.tanghulu.api.definition.MatterKey;

/**
 * Confirms a {@link HeldResult} with the issuing department's own system. The exchange capability
 * registers it; without one every held result is refused ("cannot be confirmed now"). Called
 * outside any transaction, before a submission's case exists; it must answer within its own
 * timeout and never throw.
 */
@ConsumerType
public interface ResultVerifier {

    /**
     * @param matter the matter whose result is held
     * @param reference the number on the result
     * @param holderId the identity number of the person claiming it
     * @return the department's verdict, never {@code null}
     */
    Confirmation verify(MatterKey matter, String reference, String holderId);

    /**
     * @param matter a matter
     * @return whether held results of the matter can be confirmed now (its department says its system
     *         confirms them and the system is linked), so that the portal offers to enter one
     */
    boolean confirms(MatterKey matter);

    /**
     * What the department's system said.
     *
     * @param confirmed whether the result exists and is the holder's
     * @param reason why not, in words for the applicant, or {@code null} when confirmed
     * @param outputs the matter's outputs as the department issued them (the reference number among
     *        them), by data-element id
     * @param values further data the department holds with the result (the approved name, the
     *        investors), by data-element id: the form is prefilled with them and a submission must
     *        agree with them
     */
    record Confirmation(boolean confirmed, String reason, Map<String, String> outputs, Map<String, String> values) {

        /** Normalises the maps to sorted unmodifiable ones. */
        public Confirmation {
            outputs = Collections.unmodifiableSortedMap(new TreeMap<>(outputs == null ? Map.of() : outputs));
            values = Collections.unmodifiableSortedMap(new TreeMap<>(values == null ? Map.of() : values));
        }

        /** @return a refusal with this reason */
        public static Confirmation refused(String reason) {
            return new Confirmation(false, reason, Map.of(), Map.of());
        }
    }
}
