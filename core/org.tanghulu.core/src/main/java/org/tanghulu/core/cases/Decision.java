package org.tanghulu.core.cases;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An officer's decision on a claimed task.
 *
 * @param kind what is decided
 * @param outputs for {@link Kind#APPROVE}: the values of the matter's outputs (licence
 *        number, organization code), by data-element id; every output is required
 * @param message for {@link Kind#REJECT} the reason, for {@link Kind#REQUEST_CORRECTION}
 *        what is wrong and what to hand in; required for both
 * @param fields for {@link Kind#REQUEST_CORRECTION}: the data elements the applicant
 *        should correct; may be empty when only materials are missing
 * @param materials for {@link Kind#REQUEST_CORRECTION}: the materials (ids of the group's
 *        materials) the applicant should hand in; may be empty. The applicant's answer may hand in
 *        only these and change only {@code fields} (of every request joined in the case's one
 *        open correction request, see {@link Cases#answerCorrections})
 */
public record Decision(Kind kind, Map<String, String> outputs, String message, List<String> fields,
        List<String> materials) {

    /** The kinds of decision. */
    public enum Kind {
        /** The matter is approved, with its outputs. */
        APPROVE,
        /** The matter is refused, with a reason; the case closes. */
        REJECT,
        /** The applicant must correct data or hand in materials (补证); the clock pauses. */
        REQUEST_CORRECTION
    }

    /** Normalises collections to unmodifiable ones; {@code null} entries are kept for {@link Cases#decide} to refuse. */
    public Decision {
        outputs = outputs == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        fields = fields == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(fields));
        materials = materials == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(materials));
    }

    /** A decision that asks for no materials, as before 2.2. */
    public Decision(Kind kind, Map<String, String> outputs, String message, List<String> fields) {
        this(kind, outputs, message, fields, List.of());
    }
}
