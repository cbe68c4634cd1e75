package org.tanghulu.window;

import java.util.List;

import org.tanghulu.api.definition.LocalizedText;

/**
 * A material the applicant declared on the case, with the clerk's finding.
 *
 * @param id the material's id
 * @param name its name, from the matters that ask for it (the id if none is installed)
 * @param verdict the clerk's finding, or {@code null} until checked
 * @param reason the reason of a {@link Verdict#MISMATCH}, else {@code null}
 * @param uploads the names of the files the applicant uploaded for it (the uploads capability), by name
 */
public record DeclaredMaterial(String id, LocalizedText name, Verdict verdict, String reason, List<String> uploads) {

    /** Makes {@code uploads} unmodifiable. */
    public DeclaredMaterial {
        uploads = uploads == null ? List.of() : List.copyOf(uploads);
    }
}
