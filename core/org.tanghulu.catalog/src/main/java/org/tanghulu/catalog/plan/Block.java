package org.tanghulu.catalog.plan;

import java.util.List;

import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.api.definition.MatterKey;

/**
 * One block of a flow chart: a matter, its department and its time limits.
 *
 * @param matter the matter
 * @param name the matter's name
 * @param department the department's id
 * @param departmentName the department's name
 * @param step the 1-based step in which the matter runs
 * @param dependsOn the matters of the same group it waits for: its declared
 *        predecessors in the group and the matters producing data it needs
 * @param dataElements the data elements the matter needs
 * @param outputs the data elements it produces when approved
 * @param statutoryDays statutory time limit, working days
 * @param promisedDays promised time limit, working days
 */
public record Block(MatterKey matter, LocalizedText name, String department, LocalizedText departmentName, int step,
        List<MatterKey> dependsOn, List<String> dataElements, List<String> outputs, int statutoryDays,
        int promisedDays) {

    /** Normalises lists to unmodifiable ones. */
    public Block {
        dependsOn = List.copyOf(dependsOn);
        dataElements = List.copyOf(dataElements);
        outputs = List.copyOf(outputs);
    }
}
