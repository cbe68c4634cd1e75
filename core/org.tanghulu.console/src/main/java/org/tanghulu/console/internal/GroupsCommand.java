package org.tanghulu.console.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tanghulu.catalog.FunctionGroupStatus;
import org.tanghulu.catalog.Registry;

/** {@code tanghulu:groups}: the function groups and whether they can take new cases. */
@Service
@Command(scope = "tanghulu", name = "groups", description = "Lists the function groups and whether they can take new cases")
public class GroupsCommand implements Action {

    @Reference
    private Registry registry;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Group");
        table.column("Version").alignRight();
        table.column("Name");
        table.column("Matters").alignRight();
        table.column("Available");
        table.column("Why not").wrap();
        for (FunctionGroupStatus g : registry.functionGroups()) {
            table.addRow().addContent(g.group().id(), g.group().version(),
                    g.group().name() == null ? "" : g.group().name().zh(), g.group().matters().size(),
                    g.available() ? "yes" : "no", String.join("; ", g.problems().isEmpty() ? g.missing() : g.problems()));
        }
        table.print(Terminal.out());
        return null;
    }
}
