package org.tanghulu.console.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tanghulu.core.Registry;
import org.tanghulu.core.cases.Cases;
import org.tanghulu.core.cases.TaskView;

/** {@code tanghulu:overdue}: every open task past its promised due date today, most overdue first. */
@Service
@Command(scope = "tanghulu", name = "overdue", description = "Lists the tasks of all departments that are past their promised due date today")
public class OverdueCommand implements Action {

    @Reference
    private Cases cases;

    @Reference
    private Registry registry;

    @Override
    public Object execute() {
        LocalDate today = LocalDate.now(Formats.ZONE);
        List<TaskView> overdue = cases.overdue(today);
        if (overdue.isEmpty()) {
            System.out.println("No task is overdue.");
            return null;
        }
        ShellTable table = new ShellTable();
        table.column("Department");
        table.column("Tracking number");
        table.column("Matter");
        table.column("Promised due");
        table.column("Days overdue").alignRight();
        table.column("Assignee");
        for (TaskView t : overdue) {
            table.addRow().addContent(Formats.department(registry, t.matter().department()), t.trackingNumber(),
                    t.matter(), t.promisedDue(), ChronoUnit.DAYS.between(t.promisedDue(), today),
                    Formats.orEmpty(t.assignee()));
        }
        table.print(System.out);
        return null;
    }
}
