package org.tanghulu.console.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tanghulu.catalog.plan.FlowChart;
import org.tanghulu.catalog.plan.Procedures;

/** {@code tanghulu:chart GROUP}: a function group's flow chart, step by step, with its critical path. */
@Service
@Command(scope = "tanghulu", name = "chart", description = "Shows a function group's flow chart: steps, time limits, critical path")
public class ChartCommand extends GroupAction {

    @Override
    public Object execute() {
        FlowChart chart = derive(Procedures::flowChart);
        ChartText.lines(chart).forEach(Terminal.out()::println);
        return null;
    }
}
