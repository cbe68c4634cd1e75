package org.tanghulu.api.definition;

import java.util.List;

/**
 * Everything a department states about itself when it joins the platform.
 *
 * @param id the department's short code (e.g. {@code aic} for Industry and Commerce);
 *        equal to the service property {@link org.tanghulu.api.Department#ID}
 * @param name the department's name; required
 * @param dataElements data elements only this department uses; an element that the
 *        platform's shared dictionary already defines must not be defined again
 * @param matters the department's matters; at least one
 */
public record DepartmentDefinition(String id, LocalizedText name, List<DataElement> dataElements,
        List<Matter> matters) {

    /** Normalises collections to unmodifiable ones. */
    public DepartmentDefinition {
        dataElements = dataElements == null ? List.of() : List.copyOf(dataElements);
        matters = matters == null ? List.of() : List.copyOf(matters);
    }
}
