package org.tanghulu.console.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tanghulu.catalog.ExtensionStatus;
import org.tanghulu.catalog.FunctionGroupStatus;
import org.tanghulu.catalog.NeedStatus;
import org.tanghulu.catalog.Registry;

/**
 * {@code tanghulu:groups}: the function groups and whether they can take new cases, then the extensions of groups by
 * other bundles and the catalog needs, each with why it does not apply.
 */
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
        if (!registry.extensions().isEmpty()) {
            ShellTable extensions = new ShellTable();
            extensions.column("Extension");
            extensions.column("Version").alignRight();
            extensions.column("Of group");
            extensions.column("Adds");
            extensions.column("State");
            for (ExtensionStatus e : registry.extensions()) {
                extensions.addRow().addContent(e.extension().id(), e.extension().version(), e.extension().group(),
                        String.join(", ", e.extension().matters()), e.state());
            }
            Terminal.out().println();
            extensions.print(Terminal.out());
            // the reasons in full, one a line, as an admin copies them into a ticket
            registry.extensions().forEach(e -> e.reasons().forEach(r -> Terminal.out().println(
                    "  " + e.extension().id() + " " + e.state() + ": " + r)));
        }
        ShellTable needs = new ShellTable();
        needs.column("Need");
        needs.column("Name");
        needs.column("Questions").alignRight();
        needs.column("Bundle");
        needs.column("Refused because").wrap();
        for (NeedStatus n : registry.needs()) {
            needs.addRow().addContent(n.need().id(), n.need().name() == null ? "" : n.need().name().zh(),
                    n.need().questions().size(), n.bundle(), String.join("; ", n.problems()));
        }
        Terminal.out().println();
        needs.print(Terminal.out());
        return null;
    }
}
