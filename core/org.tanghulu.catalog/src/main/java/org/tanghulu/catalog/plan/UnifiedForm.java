package org.tanghulu.catalog.plan;

import java.util.List;

import org.tanghulu.api.definition.DataType;
import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.api.definition.MatterKey;
import org.tanghulu.api.definition.Validation;

/**
 * The one form (一表制) an applicant fills for a function group: every data element the
 * group's matters need, asked once. A field belongs to the section of the first matter
 * (in step order) that needs it, so a matter whose needs were all asked before adds no
 * section. Elements that an earlier matter of the group produces are not asked: the
 * platform fills them from that matter's result.
 *
 * @param group the group's id
 * @param version the group's version
 * @param sections the sections in step order; none is empty
 */
public record UnifiedForm(String group, int version, List<Section> sections) {

    /** Where a field's value comes from. */
    public enum Source {
        /** The applicant types it (it may be prefilled from data the platform holds). */
        APPLICANT,
        /** An earlier matter of the group produces it; the applicant does not type it. */
        STEP_OUTPUT
    }

    /**
     * One field.
     *
     * @param element the data element's id
     * @param type its type
     * @param label its label
     * @param help its help text
     * @param validation its validation; {@code null} means none beyond the type
     * @param source where the value comes from
     * @param producedBy the matter producing it, for {@link Source#STEP_OUTPUT}; else {@code null}
     * @param usedBy the matters of the group that need it
     * @param prefilled the value the platform already holds, or {@code null}
     */
    public record Field(String element, DataType type, LocalizedText label, LocalizedText help, Validation validation,
            Source source, MatterKey producedBy, List<MatterKey> usedBy, String prefilled) {
        /** Normalises {@code usedBy} to an unmodifiable list. */
        public Field {
            usedBy = List.copyOf(usedBy);
        }
    }

    /**
     * One section: the new fields of one matter.
     *
     * @param matter the matter that first needs these fields
     * @param title the section's title (the matter's name)
     * @param fields the fields, in the order of the matter's forms
     */
    public record Section(MatterKey matter, LocalizedText title, List<Field> fields) {
        /** Normalises {@code fields} to an unmodifiable list. */
        public Section {
            fields = List.copyOf(fields);
        }
    }

    /** Normalises {@code sections} to an unmodifiable list. */
    public UnifiedForm {
        sections = List.copyOf(sections);
    }

    /** @return every field, section by section */
    public List<Field> fields() {
        return sections.stream().flatMap(s -> s.fields().stream()).toList();
    }
}
