package org.tanghulu.console.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tanghulu.catalog.DepartmentRecord;
import org.tanghulu.catalog.DepartmentStatus;
import org.tanghulu.catalog.Registry;

/** {@code tanghulu:departments}: the departments and their state, with the reason for a refusal. */
@Service
@Command(scope = "tanghulu", name = "departments", description = "Lists the departments with their state (active, refused and why, loading)")
public class DepartmentsCommand implements Action {

    @Option(name = "-a", aliases = "--all", description = "Also list departments seen before but not installed now (from the database)")
    boolean all;

    @Reference
    private Registry registry;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("ID");
        table.column("Name");
        table.column("State");
        table.column("Matters");
        table.column(all ? "First seen" : "Bundle");
        table.column("Problems").wrap();
        if (all) {
            for (DepartmentRecord r : registry.departmentHistory()) {
                DepartmentStatus now = registry.department(r.id()).orElse(null);
                table.addRow().addContent(r.id(), r.name() == null ? "" : r.name().zh(),
                        now == null ? r.state() : now.state(), now == null ? "" : matters(now), r.firstSeen(),
                        String.join("; ", now == null ? r.problems() : now.problems()));
            }
        } else {
            for (DepartmentStatus d : registry.departments()) {
                table.addRow().addContent(d.id(), d.name().zh(), d.state(), matters(d), d.bundle(),
                        String.join("; ", d.problems()));
            }
        }
        table.print(Terminal.out());
        return null;
    }

    static Object matters(DepartmentStatus d) {
        return d.definition() == null ? "" : d.definition().matters().size();
    }

    static String list(List<String> items) {
        return items.isEmpty() ? "-" : String.join(", ", items);
    }
}
