package org.tanghulu.console.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tanghulu.notify.NotificationView;
import org.tanghulu.notify.Notifications;

/** {@code tanghulu:notifications [-a] [TRACKING_NUMBER]}: messages to applicants not yet sent (with -a, all), newest first. */
@Service
@Command(scope = "tanghulu", name = "notifications", description = "Lists e-mails and SMS to applicants that are pending or failed; with -a also those sent")
public class NotificationsCommand implements Action {

    @Argument(index = 0, name = "trackingNumber", description = "Only this case's notifications, e.g. TH20260302000001")
    String trackingNumber;

    @Option(name = "-a", aliases = "--all", description = "Also list notifications already sent")
    boolean all;

    @Reference
    private Notifications notifications;

    @Override
    public Object execute() {
        List<NotificationView> list = notifications.list(trackingNumber, all);
        if (list.isEmpty()) {
            Terminal.out().println("No " + (all ? "" : "pending or failed ") + "notification"
                    + (trackingNumber == null ? "." : " for " + trackingNumber + "."));
            return null;
        }
        ShellTable table = new ShellTable();
        table.column("Created");
        table.column("Tracking number");
        table.column("Event");
        table.column("Channel");
        table.column("Recipient");
        table.column("Status");
        table.column("Attempts").alignRight();
        table.column("Sent");
        table.column("Subject").maxSize(60);
        table.column("Last error").maxSize(60);
        for (NotificationView n : list) {
            table.addRow().addContent(Formats.time(n.createdAt()), n.trackingNumber(), n.eventType(), n.channel(),
                    n.recipient(), n.status(), n.attempts(), Formats.time(n.sentAt()), n.subject(),
                    Formats.orEmpty(n.lastError()));
        }
        table.print(Terminal.out());
        return null;
    }
}
