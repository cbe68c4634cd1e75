package org.tanghulu.console.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tanghulu.catalog.Registry;
import org.tanghulu.core.cases.Cases;
import org.tanghulu.core.cases.TaskView;

/** {@code tanghulu:overdue [--on DATE]}: every open task past its promised due date today (or on DATE), most overdue first. */
@Service
@Command(scope = "tanghulu", name = "overdue", description = "Lists the tasks of all departments that are past their promised due date today")
public class OverdueCommand implements Action {

    @Option(name = "--on", description = "Judge by this day instead of today (yyyy-MM-dd): what will be overdue by then if nobody acts")
    String on;

    @Reference
    private Cases cases;

    @Reference
    private Registry registry;

    @Override
    public Object execute() {
        LocalDate today;
        try {
            today = on == null ? LocalDate.now(Formats.ZONE) : LocalDate.parse(on);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--on takes a date written yyyy-MM-dd, e.g. 2026-12-31, not '" + on + "'");
        }
        List<TaskView> overdue = cases.overdue(today);
        if (overdue.isEmpty()) {
            Terminal.out().println("No task is overdue.");
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
        table.print(Terminal.out());
        return null;
    }
}
