package org.tanghulu.window;

import java.time.Instant;
import java.util.List;

import org.tanghulu.api.definition.LocalizedText;

/**
 * A case as the window sees it.
 *
 * @param item the case's line on the work lists
 * @param materials the materials the applicant declared, with the clerk's findings
 * @param checkedAt when the originals were checked, or {@code null}
 * @param checkedBy the clerk who checked them, or {@code null}
 * @param certificates the certificates the case's approved matters issue (from their definitions); empty until
 *        it is completed
 * @param handOver the hand-over, or {@code null} before it
 */
public record WindowCase(WindowItem item, List<DeclaredMaterial> materials, Instant checkedAt, String checkedBy,
        List<LocalizedText> certificates, HandOver handOver) {

    /** Makes the lists unmodifiable. */
    public WindowCase {
        materials = List.copyOf(materials);
        certificates = List.copyOf(certificates);
    }

    /** @return whether any original was found not to match (shown prominently to officers) */
    public boolean mismatch() {
        return materials.stream().anyMatch(m -> m.verdict() == Verdict.MISMATCH);
    }
}
