package org.tanghulu.core.cases;

import java.time.Instant;
import java.time.LocalDate;

import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.api.definition.MatterKey;

/**
 * A material a case waits for from its applicant: a minor one (容缺) accepted on a commitment, or
 * one asked when its matter's step started. The task of {@code matter} stays {@link TaskState#WAITING}
 * until every material it waits for is supplied ({@link Cases#supplyMaterial}).
 *
 * @param material the material's id
 * @param name its name
 * @param kind why it is waited for
 * @param matter the first matter that needs it
 * @param due for {@link Kind#PROMISED}, the last working day to supply it; {@code null} otherwise
 * @param supplied when it was supplied, or {@code null} while it is awaited
 * @param overdue whether it is still awaited after {@code due}
 * @since 2.2
 */
public record MaterialWait(String material, LocalizedText name, Kind kind, MatterKey matter, LocalDate due,
        Instant supplied, boolean overdue) {

    /** Why a material is waited for. */
    public enum Kind {
        /** A minor material (容缺受理): the case was accepted on the applicant's commitment to supply it by a deadline. */
        PROMISED,
        /** A material that only exists during the procedure, asked when its matter's step started. */
        AT_STEP
    }

    /** @return whether it is still awaited */
    public boolean pending() {
        return supplied == null;
    }
}
