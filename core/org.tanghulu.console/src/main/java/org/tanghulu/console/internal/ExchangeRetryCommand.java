package org.tanghulu.console.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tanghulu.core.Refusal;
import org.tanghulu.exchange.Exchanges;
import org.tanghulu.exchange.TaskExchange;

/** {@code tanghulu:exchange-retry TASK}: sends a task to its department's system again, now. */
@Service
@Command(scope = "tanghulu", name = "exchange-retry", description = "Sends a task of a DIRECT or FRONT_END matter to its department's "
        + "system again (one that came to the desk and is still unclaimed, or one waiting for a callback)")
public class ExchangeRetryCommand implements Action {

    @Argument(index = 0, name = "task", required = true, description = "The task's number, as on the desk")
    long task;

    @Reference
    private Exchanges exchanges;

    @Override
    public Object execute() {
        TaskExchange t;
        try {
            t = exchanges.retry(task);
        } catch (Refusal e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        Terminal.out().println("Task " + t.task() + " (" + t.department() + "/" + t.matter() + ", case " + t.trackingNumber()
                + ") is queued for the department's system; tanghulu:exchange shows how it fares.");
        return null;
    }
}
