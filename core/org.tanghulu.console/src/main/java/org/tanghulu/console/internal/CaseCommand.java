package org.tanghulu.console.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tanghulu.core.Refusal;
import org.tanghulu.catalog.Registry;
import org.tanghulu.core.cases.Actor;
import org.tanghulu.core.cases.CaseEvent;
import org.tanghulu.core.cases.CaseView;
import org.tanghulu.core.cases.Cases;
import org.tanghulu.core.cases.TaskView;

/** {@code tanghulu:case TRACKING_NUMBER}: one case with its tasks and, on request, its event log. */
@Service
@Command(scope = "tanghulu", name = "case", description = "Shows one case: state, applicant, tasks with their due dates, and optionally its events")
public class CaseCommand implements Action {

    @Argument(index = 0, name = "trackingNumber", description = "The case's tracking number, as on the applicant's receipt", required = true)
    String trackingNumber;

    @Option(name = "-e", aliases = "--events", description = "Also list the case's events, oldest first")
    boolean events;

    @Reference
    private Cases cases;

    @Reference
    private Registry registry;

    @Override
    public Object execute() {
        Actor actor = ConsoleActor.current();
        CaseView c;
        List<CaseEvent> log;
        try {
            c = cases.staffView(trackingNumber, actor);
            log = events ? cases.events(trackingNumber, null, actor) : List.of();
        } catch (Refusal e) {
            throw new IllegalArgumentException(e.kind() == Refusal.Kind.NOT_FOUND
                    ? "No case has the tracking number '" + trackingNumber + "'."
                    : e.getMessage());
        }
        Terminal.out().println("Case:      " + c.trackingNumber());
        Terminal.out().println("Group:     " + c.group() + " v" + c.groupVersion() + "  " + Formats.zh(c.groupName()));
        Terminal.out().println("State:     " + c.state());
        Terminal.out().println("Applicant: " + c.applicantName() + " (" + c.applicantType() + ")");
        Terminal.out().println("Submitted: " + Formats.time(c.submitted()));
        Terminal.out().println("Closed:    " + Formats.time(c.closed()));
        Terminal.out().println();
        ShellTable tasks = new ShellTable();
        tasks.column("Task").alignRight();
        tasks.column("Matter");
        tasks.column("Department");
        tasks.column("State");
        tasks.column("Assignee");
        tasks.column("Promised due");
        tasks.column("Statutory due");
        tasks.column("Paused").alignRight();
        tasks.column("Overdue");
        for (TaskView t : c.tasks()) {
            tasks.addRow().addContent(t.id(), t.matter(), Formats.department(registry, t.matter().department()),
                    Formats.state(t), Formats.orEmpty(t.assignee()), t.promisedDue(), t.statutoryDue(),
                    t.pausedDays(), Formats.overdue(t));
        }
        tasks.print(Terminal.out());
        if (events) {
            Terminal.out().println();
            printEvents(log);
        }
        return null;
    }

    private static void printEvents(List<CaseEvent> log) {
        ShellTable table = new ShellTable();
        table.column("Seq").alignRight();
        table.column("Time");
        table.column("Actor");
        table.column("Type");
        table.column("Task").alignRight();
        table.column("Change");
        table.column("Detail").wrap();
        for (CaseEvent e : log) {
            table.addRow().addContent(e.sequence(), Formats.time(e.at()), e.actor(), e.type(),
                    Formats.orEmpty(e.taskId()), change(e), Formats.orEmpty(e.detail()));
        }
        table.print(Terminal.out());
    }

    /** @return {@code before -> after}, {@code -} standing for a missing side; empty if neither is given */
    static String change(CaseEvent e) {
        if (e.before() == null && e.after() == null) {
            return "";
        }
        return (e.before() == null ? "-" : e.before()) + " -> " + (e.after() == null ? "-" : e.after());
    }
}
