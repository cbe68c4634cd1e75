package org.tanghulu.api.definition;

/**
 * The platform-wide name of a matter: its department's id and its own id, written
 * {@code department/matter} (e.g. {@code aic/business-licence}).
 *
 * @param department the department's id
 * @param matter the matter's id within the department
 */
public record MatterKey(String department, String matter) {

    /**
     * Parses a reference. An unqualified reference ({@code business-licence}) names a
     * matter of {@code ownDepartment}.
     *
     * @param reference {@code department/matter} or {@code matter}
     * @param ownDepartment the department the reference is written in; may be
     *        {@code null} where only qualified references are allowed
     * @return the key
     * @throws IllegalArgumentException if the reference is blank, has more than one
     *         {@code /}, or is unqualified where {@code ownDepartment} is {@code null}
     */
    public static MatterKey parse(String reference, String ownDepartment) {
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("empty matter reference");
        }
        String[] parts = reference.split("/", -1);
        if (parts.length == 2 && !parts[0].isBlank() && !parts[1].isBlank()) {
            return new MatterKey(parts[0], parts[1]);
        }
        if (parts.length == 1 && ownDepartment != null) {
            return new MatterKey(ownDepartment, reference);
        }
        throw new IllegalArgumentException("'" + reference + "' is not a matter reference of the form department/matter");
    }

    @Override
    public String toString() {
        return department + "/" + matter;
    }
}
