package org.tanghulu.console.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tanghulu.core.Registry;
import org.tanghulu.core.plan.FlowChart;
import org.tanghulu.core.plan.Procedures;

/** {@code tanghulu:chart GROUP}: a function group's flow chart, step by step, with its critical path. */
@Service
@Command(scope = "tanghulu", name = "chart", description = "Shows a function group's flow chart: steps, time limits, critical path")
public class ChartCommand implements Action {

    @Argument(index = 0, name = "group", description = "The function group id, e.g. enterprise-establishment", required = true)
    @Completion(GroupCompleter.class)
    String group;

    @Reference
    private Procedures procedures;

    @Reference
    private Registry registry;

    @Override
    public Object execute() {
        FlowChart chart = GroupLookup.require(procedures.flowChart(group), group, registry);
        ChartText.lines(chart).forEach(System.out::println);
        return null;
    }
}
