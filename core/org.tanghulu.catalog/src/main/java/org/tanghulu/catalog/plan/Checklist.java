package org.tanghulu.catalog.plan;

import java.util.List;

import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.api.definition.Material;
import org.tanghulu.api.definition.MatterKey;

/**
 * Given the materials an applicant has, what they can apply for now and what is
 * missing for the rest.
 *
 * @param matters every matter of an active department open to the applicant type
 * @param groups every function group open to the applicant type
 */
public record Checklist(List<MatterReadiness> matters, List<GroupReadiness> groups) {

    /**
     * @param matter the matter
     * @param name its name
     * @param ready whether every material it needs is at hand
     * @param missing the materials still needed
     */
    public record MatterReadiness(MatterKey matter, LocalizedText name, boolean ready, List<Material> missing) {
        /** Normalises {@code missing} to an unmodifiable list. */
        public MatterReadiness {
            missing = List.copyOf(missing);
        }
    }

    /**
     * @param group the group's id
     * @param name its name
     * @param available whether the group takes new cases (all its departments installed)
     * @param ready whether it is available and every material its matters need up front is at
     *        hand; materials an earlier matter of the group issues, materials asked at their step
     *        ({@link Material#atStep()}) and minor ones ({@link Material#minor()}, supplied later on a
     *        commitment) are not needed for it
     * @param missing the materials still needed from the applicant up front
     * @param lines every material of the group once, in step order, with how it is supplied
     *        (since 1.1)
     */
    public record GroupReadiness(String group, LocalizedText name, boolean available, boolean ready,
            List<Material> missing, List<MaterialLine> lines) {
        /** Normalises {@code missing} and {@code lines} to unmodifiable lists. */
        public GroupReadiness {
            missing = List.copyOf(missing);
            lines = lines == null ? List.of() : List.copyOf(lines);
        }

        /** A readiness without lines (the 1.0 constructor). */
        public GroupReadiness(String group, LocalizedText name, boolean available, boolean ready,
                List<Material> missing) {
            this(group, name, available, ready, missing, null);
        }
    }

    /** How a material of a group reaches the case (since 1.1). */
    public enum Supply {
        /** Needed up front and ticked as at hand (or asked later and already at hand). */
        AT_HAND,
        /** Needed up front and not at hand: the application cannot be submitted yet. */
        MISSING,
        /** Issued by an earlier matter of the group: obtained during the procedure, never asked. */
        ISSUED,
        /** Asked when the step of the matter needing it starts ({@link Material#atStep()}). */
        AT_STEP,
        /** Minor (容缺): may be supplied after acceptance on a commitment ({@link Material#minor()}). */
        MINOR
    }

    /**
     * One material of a group (since 1.1).
     *
     * @param material the material as the first matter needing it defines it
     * @param matter the first matter (in step order) that needs it
     * @param step that matter's step
     * @param supply how it is supplied
     * @param issuer for {@link Supply#ISSUED}, the matter that issues it, else {@code null}
     * @param issuerStep for {@link Supply#ISSUED}, that matter's step, else 0
     */
    public record MaterialLine(Material material, MatterKey matter, int step, Supply supply, MatterKey issuer,
            int issuerStep) {
    }

    /** Normalises lists to unmodifiable ones. */
    public Checklist {
        matters = List.copyOf(matters);
        groups = List.copyOf(groups);
    }
}
