package org.tanghulu.console.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tanghulu.exchange.Exchanges;

/** {@code tanghulu:exchange-unlink DEPARTMENT}: the department's DIRECT matters go back to the desk. */
@Service
@Command(scope = "tanghulu", name = "exchange-unlink", description = "Unlinks a department's own system: its DIRECT "
        + "matters are decided on the desk from now on, and its secret is forgotten")
public class ExchangeUnlinkCommand implements Action {

    @Argument(index = 0, name = "department", required = true, description = "The department, e.g. stats")
    @Completion(DepartmentCompleter.class)
    String department;

    @Reference
    private Exchanges exchanges;

    @Override
    public Object execute() {
        Terminal.out().println(exchanges.unlink(department)
                ? "Department " + department + "'s system unlinked: its tasks are decided on the desk from now on."
                : "Department " + department + " had no linked system.");
        return null;
    }
}
