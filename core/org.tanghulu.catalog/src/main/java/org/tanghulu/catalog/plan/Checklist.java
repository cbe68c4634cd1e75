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
     * @param ready whether it is available and every material its matters need from the
     *        applicant is at hand; materials an earlier matter of the group issues are not
     *        needed from the applicant
     * @param missing the materials still needed from the applicant
     */
    public record GroupReadiness(String group, LocalizedText name, boolean available, boolean ready,
            List<Material> missing) {
        /** Normalises {@code missing} to an unmodifiable list. */
        public GroupReadiness {
            missing = List.copyOf(missing);
        }
    }

    /** Normalises lists to unmodifiable ones. */
    public Checklist {
        matters = List.copyOf(matters);
        groups = List.copyOf(groups);
    }
}
