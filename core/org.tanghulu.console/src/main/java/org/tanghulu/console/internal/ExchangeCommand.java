package org.tanghulu.console.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tanghulu.exchange.Exchanges;
import org.tanghulu.exchange.LinkStatus;
import org.tanghulu.exchange.RefusedCallback;

/**
 * {@code tanghulu:exchange}: per department, its DIRECT, FRONT_END and DISK matters, its linked system, front-end
 * processor or offline media and how that fares, its queue (for DISK: waiting for export), the tasks sent and
 * unanswered (for DISK: exported, unanswered) and parked results; then the latest refused callbacks.
 */
@Service
@Command(scope = "tanghulu", name = "exchange", description = "Lists the departments' own systems: DIRECT, "
        + "FRONT_END and DISK matters, the linked URL or offline media, tasks queued (DISK: waiting for export), waiting for an "
        + "answer (DISK: exported, unanswered), results parked, the circuit breaker, the last success and failure")
public class ExchangeCommand implements Action {

    @Reference
    private Exchanges exchanges;

    @Override
    public Object execute() {
        List<LinkStatus> links = exchanges.links();
        if (links.isEmpty()) {
            Terminal.out().println("No department declares a DIRECT, FRONT_END or DISK matter and nothing is linked: every task is decided"
                    + " on the desk.");
            return null;
        }
        ShellTable table = new ShellTable();
        table.column("Department");
        table.column("Automatic matters").maxSize(40);
        table.column("System");
        table.column("Queued").alignRight();
        table.column("Waiting").alignRight();
        table.column("Parked").alignRight();
        table.column("Breaker");
        table.column("Failures").alignRight();
        table.column("Last success");
        table.column("Last failure").maxSize(60);
        for (LinkStatus l : links) {
            table.addRow().addContent(l.department(), l.matters().isEmpty() ? "-" : String.join(", ", l.matters()),
                    l.url() == null ? "not linked (desk)" : (LinkStatus.DISK.equals(l.transport()) ? ""
                            : (LinkStatus.HTTP.equals(l.transport()) ? "" : "front-end ") + l.url())
                            + (l.diskKey() == null ? "" : (LinkStatus.DISK.equals(l.transport()) ? "" : ", ") + "offline media, key "
                                    + l.diskKey()),
                    l.queued(), l.waiting(), l.parked(),
                    l.url() == null || !LinkStatus.HTTP.equals(l.transport()) ? "-" : l.breaker() + (l.openedAt() == null ? "" : " since " + Formats.time(l.openedAt())),
                    l.failures(), l.lastSuccess() == null ? "-" : Formats.time(l.lastSuccess()),
                    l.lastFailureAt() == null ? "-" : Formats.time(l.lastFailureAt()) + " " + l.lastFailure());
        }
        table.print(Terminal.out());
        List<RefusedCallback> refused = exchanges.refusedCallbacks(10);
        if (!refused.isEmpty()) {
            Terminal.out().println("Callbacks refused (latest " + refused.size() + "):");
            ShellTable r = new ShellTable();
            r.column("At");
            r.column("Department");
            r.column("Task").alignRight();
            r.column("Status").alignRight();
            r.column("Why").maxSize(90);
            refused.forEach(c -> r.addRow().addContent(Formats.time(c.at()), c.department(), Formats.orEmpty(c.task()),
                    c.status(), c.reason()));
            r.print(Terminal.out());
        }
        return null;
    }
}
