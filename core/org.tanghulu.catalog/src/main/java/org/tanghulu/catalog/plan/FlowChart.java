package org.tanghulu.catalog.plan;

import java.util.List;

import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.api.definition.MatterKey;

/**
 * A function group's whole procedure told at once (一次性告知): its matters as blocks in
 * steps. A step holds every matter whose dependencies are all in earlier steps, so
 * matters of one step run in parallel. The total time limit is the critical path,
 * shown beside the serial sum it replaces.
 *
 * @param group the group's id
 * @param version the group's version
 * @param name the group's name
 * @param steps the steps in order, each with at least one block
 * @param criticalPath the chain of matters that decides the total promised time
 * @param promisedDays the total promised time: the promised days along the critical path
 * @param statutoryDays the total statutory time: the longest chain by statutory days
 * @param serialPromisedDays the promised days of all matters added up, as if run one by one
 * @param serialStatutoryDays the statutory days of all matters added up
 */
public record FlowChart(String group, int version, LocalizedText name, List<Step> steps, List<MatterKey> criticalPath,
        int promisedDays, int statutoryDays, int serialPromisedDays, int serialStatutoryDays) {

    /** One step: matters that can run at the same time. */
    public record Step(int number, List<Block> blocks) {
        /** Normalises {@code blocks} to an unmodifiable list. */
        public Step {
            blocks = List.copyOf(blocks);
        }
    }

    /** Normalises lists to unmodifiable ones. */
    public FlowChart {
        steps = List.copyOf(steps);
        criticalPath = List.copyOf(criticalPath);
    }

    /** @return every block, step by step */
    public List<Block> blocks() {
        return steps.stream().flatMap(s -> s.blocks().stream()).toList();
    }
}
