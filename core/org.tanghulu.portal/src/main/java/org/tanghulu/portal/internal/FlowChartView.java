package org.tanghulu.portal.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.api.definition.MatterKey;
import org.tanghulu.catalog.plan.Block;
import org.tanghulu.catalog.plan.FlowChart;

/**
 * A {@link FlowChart} as the model of the group page's chart ({@code group.ftlh}): one step box per step holding one
 * box per block (matter, department, promised days, and the matters it waits for when that is not simply the whole
 * step before). The page lays it out in HTML and CSS, so the browser wraps the texts at word boundaries in the
 * visitor's font and language and puts the steps side by side on a wide screen and one under the other on a narrow
 * one; nothing has a fixed width. The totals are the figure's caption, printed once.
 */
final class FlowChartView {

    /** The words around the data, in the visitor's language. */
    record Labels(String step, String days, String after) {
    }

    private FlowChartView() {
    }

    /**
     * @param chart the chart
     * @param pick the text in the visitor's language
     * @param labels {@code step} has {@code {0}} for the step number, {@code days} {@code {0}} for the days,
     *        {@code after} {@code {0}} for the names of the matters waited for
     * @return per step: {@code number}, {@code label} and {@code blocks}, each with {@code matter}, {@code name},
     *         {@code department}, {@code days}, {@code critical}, {@code after} (the matter keys waited for, joined by
     *         spaces) and {@code afterText} (empty when it waits for exactly the step before)
     */
    static List<Map<String, Object>> steps(FlowChart chart, Function<LocalizedText, String> pick, Labels labels) {
        Map<MatterKey, Set<MatterKey>> direct = direct(chart);
        Map<MatterKey, String> names = new HashMap<>();
        chart.blocks().forEach(b -> names.put(b.matter(), pick.apply(b.name())));
        List<Map<String, Object>> steps = new ArrayList<>();
        Set<MatterKey> previous = Set.of();
        for (FlowChart.Step step : chart.steps()) {
            List<Map<String, Object>> blocks = new ArrayList<>();
            Set<MatterKey> here = new HashSet<>();
            for (Block b : step.blocks()) {
                here.add(b.matter());
                Set<MatterKey> after = direct.get(b.matter());
                String afterText = after.isEmpty() || after.equals(previous) ? ""
                        : format(labels.after(), String.join("、", after.stream().map(names::get).toList()));
                blocks.add(Map.of("matter", b.matter().toString(), "name", pick.apply(b.name()), "department",
                        pick.apply(b.departmentName()), "days", format(labels.days(), b.promisedDays()), "critical",
                        chart.criticalPath().contains(b.matter()), "after",
                        String.join(" ", after.stream().map(MatterKey::toString).toList()), "afterText", afterText));
            }
            previous = here;
            steps.add(Map.of("number", step.number(), "label", format(labels.step(), step.number()), "blocks", blocks));
        }
        return steps;
    }

    /**
     * @return each block's dependencies without those implied by others (a → b → c makes a → c
     *         implied), so that the chart shows the order of work and nothing more
     */
    static Map<MatterKey, Set<MatterKey>> direct(FlowChart chart) {
        Map<MatterKey, Set<MatterKey>> before = new HashMap<>();
        chart.blocks().forEach(b -> before.put(b.matter(), new LinkedHashSet<>(b.dependsOn())));
        Map<MatterKey, Set<MatterKey>> direct = new HashMap<>();
        for (Block b : chart.blocks()) {
            Set<MatterKey> keep = new LinkedHashSet<>(b.dependsOn());
            for (MatterKey d : b.dependsOn()) {
                keep.removeAll(ancestors(d, before, new HashSet<>()));
            }
            direct.put(b.matter(), keep);
        }
        return direct;
    }

    private static Set<MatterKey> ancestors(MatterKey of, Map<MatterKey, Set<MatterKey>> before, Set<MatterKey> seen) {
        for (MatterKey d : before.getOrDefault(of, Set.of())) {
            if (seen.add(d)) {
                ancestors(d, before, seen);
            }
        }
        return seen;
    }

    private static String format(String pattern, Object... args) {
        return new java.text.MessageFormat(pattern, java.util.Locale.ROOT).format(args);
    }
}
