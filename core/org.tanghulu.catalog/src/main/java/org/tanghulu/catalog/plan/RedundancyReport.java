package org.tanghulu.catalog.plan;

import java.util.List;

import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.api.definition.MatterKey;

/**
 * What the unified form saves, computed from the definitions: the seeds' "29 forms /
 * 678 items became 11 / 423" for this group.
 *
 * @param group the group's id
 * @param version the group's version
 * @param formsBefore the departments' own forms, added up over the group's matters
 * @param itemsBefore the items on those forms, added up (an element on three forms counts three times)
 * @param sectionsAfter the unified form's sections
 * @param itemsAfter the unified form's fields the applicant types
 * @param itemsFromSteps the fields filled from earlier matters' results
 * @param departments the before figures per department
 * @param elements each data element: how often it was asked before and who needs it
 */
public record RedundancyReport(String group, int version, int formsBefore, int itemsBefore, int sectionsAfter,
        int itemsAfter, int itemsFromSteps, List<DepartmentForms> departments, List<ElementUse> elements) {

    /**
     * @param department the department's id
     * @param name its name
     * @param forms its forms for the group's matters
     * @param items the items on those forms
     */
    public record DepartmentForms(String department, LocalizedText name, int forms, int items) {
    }

    /**
     * @param element the data element's id
     * @param label its label
     * @param timesAskedBefore on how many of the departments' forms it appeared
     * @param departments the ids of the departments that consume it
     * @param matters the matters that consume it
     * @param fromStep whether an earlier matter produces it (not typed by the applicant)
     */
    public record ElementUse(String element, LocalizedText label, int timesAskedBefore, List<String> departments,
            List<MatterKey> matters, boolean fromStep) {
        /** Normalises lists to unmodifiable ones. */
        public ElementUse {
            departments = List.copyOf(departments);
            matters = List.copyOf(matters);
        }
    }

    /** Normalises lists to unmodifiable ones. */
    public RedundancyReport {
        departments = List.copyOf(departments);
        elements = List.copyOf(elements);
    }
}
