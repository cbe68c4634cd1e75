package org.tanghulu.console.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tanghulu.core.Refusal;
import org.tanghulu.exchange.Exchanges;
import org.tanghulu.exchange.ParkedResult;

/**
 * {@code tanghulu:exchange-parked [--resend ID]}: the front-end processors' results the platform could not use,
 * or one of them sent back through the platform.
 */
@Service
@Command(scope = "tanghulu", name = "exchange-parked", description = "Lists the results of front-end processors the "
        + "platform parked (unreadable, an unknown task, a second decision, ...), or sends one back with --resend")
public class ExchangeParkedCommand implements Action {

    @Option(name = "--resend", description = "The number of a parked result to send back, once its cause is mended")
    Long resend;

    @Reference
    private Exchanges exchanges;

    @Override
    public Object execute() {
        if (resend != null) {
            ParkedResult r;
            try {
                r = exchanges.resend(resend);
            } catch (Refusal e) {
                throw new IllegalArgumentException(e.getMessage());
            }
            Terminal.out().println(r.reason() == null ? "Result " + r.id() + " (" + r.messageId() + ") was used and is parked no more."
                    : "Result " + r.id() + " stays parked: " + r.reason());
            return null;
        }
        List<ParkedResult> parked = exchanges.parked(100);
        if (parked.isEmpty()) {
            Terminal.out().println("No result is parked.");
            return null;
        }
        ShellTable table = new ShellTable();
        table.column("No.").alignRight();
        table.column("At");
        table.column("Department");
        table.column("Message");
        table.column("Why").maxSize(70);
        table.column("Result").maxSize(50);
        parked.forEach(p -> table.addRow().addContent(p.id(), Formats.time(p.at()), p.department(), p.messageId(), p.reason(),
                p.body()));
        table.print(Terminal.out());
        return null;
    }
}
