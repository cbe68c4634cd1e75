package org.tanghulu.console.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tanghulu.core.cases.Cases;
import org.tanghulu.core.cases.TaskView;

/** {@code tanghulu:tasks DEPARTMENT}: a department's work list, open tasks by promised due date first. */
@Service
@Command(scope = "tanghulu", name = "tasks", description = "Lists a department's open tasks (with --all also decided ones)")
public class TasksCommand implements Action {

    @Argument(index = 0, name = "department", description = "The department id, e.g. aic", required = true)
    @Completion(DepartmentCompleter.class)
    String department;

    @Option(name = "-a", aliases = "--all", description = "Also list decided tasks (approved, rejected, cancelled)")
    boolean all;

    @Reference
    private Cases cases;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Task").alignRight();
        table.column("Tracking number");
        table.column("Matter");
        table.column("State");
        table.column("Assignee");
        table.column("Promised due");
        table.column("Overdue");
        table.column("Paused").alignRight();
        for (TaskView t : cases.workList(department, ConsoleActor.current(), all)) {
            table.addRow().addContent(t.id(), t.trackingNumber(), t.matter(), Formats.state(t),
                    Formats.orEmpty(t.assignee()), t.promisedDue(), Formats.overdue(t), t.pausedDays());
        }
        table.print(Terminal.out());
        return null;
    }
}
