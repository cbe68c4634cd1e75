package org.tanghulu.console.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.tanghulu.api.definition.MatterKey;
import org.tanghulu.catalog.plan.Block;
import org.tanghulu.catalog.plan.FlowChart;

/** A flow chart as lines of text: a header, the steps with their blocks, the critical path. */
final class ChartText {

    private ChartText() {
    }

    /** @return the lines to print, without line ends */
    static List<String> lines(FlowChart chart) {
        List<String> lines = new ArrayList<>();
        lines.add(chart.group() + " v" + chart.version() + "  " + Formats.zh(chart.name()) + "  promised "
                + chart.promisedDays() + " working days (serial " + chart.serialPromisedDays() + "), statutory "
                + chart.statutoryDays() + " (serial " + chart.serialStatutoryDays() + ")");
        for (FlowChart.Step step : chart.steps()) {
            lines.add("Step " + step.number());
            for (Block b : step.blocks()) {
                lines.add("  " + b.matter() + "  " + Formats.zh(b.name()) + " (" + Formats.zh(b.departmentName())
                        + ")  " + b.promisedDays() + "/" + b.statutoryDays() + " working days  after: "
                        + DepartmentsCommand.list(b.dependsOn().stream().map(MatterKey::toString).toList()));
            }
        }
        lines.add("Critical path: " + path(chart.criticalPath()));
        return lines;
    }

    /** @return {@code a -> b -> c}, or {@code -} for none */
    static String path(List<MatterKey> matters) {
        return matters.isEmpty() ? "-" : matters.stream().map(MatterKey::toString).collect(Collectors.joining(" -> "));
    }
}
