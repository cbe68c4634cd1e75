package org.tanghulu.console.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tanghulu.api.definition.Matter;
import org.tanghulu.catalog.DepartmentStatus;
import org.tanghulu.catalog.Registry;

/** {@code tanghulu:department ID}: one department in full, with every problem on its own line. */
@Service
@Command(scope = "tanghulu", name = "department", description = "Shows one department: state, problems, matters")
public class DepartmentCommand implements Action {

    @Argument(index = 0, name = "id", description = "The department id, e.g. aic", required = true)
    @Completion(DepartmentCompleter.class)
    String id;

    @Reference
    private Registry registry;

    @Override
    public Object execute() {
        DepartmentStatus d = registry.department(id).orElse(null);
        if (d == null) {
            throw new IllegalArgumentException("No department '" + id + "' is installed. Installed: "
                    + DepartmentsCommand.list(registry.departments().stream().map(DepartmentStatus::id).toList()));
        }
        Terminal.out().println(d.id() + "  " + d.name().zh() + " / " + d.name().en());
        Terminal.out().println("State:    " + d.state() + " since " + d.since());
        Terminal.out().println("Bundle:   " + d.bundle());
        Terminal.out().println("Failures: " + d.failures() + " guarded call(s) timed out or threw");
        d.problems().forEach(p -> Terminal.out().println("Problem:  " + p));
        if (d.definition() != null) {
            for (Matter m : d.definition().matters()) {
                Terminal.out().println("Matter:   " + m.id() + "  " + m.name().zh() + "  (" + m.promisedDays() + "/"
                        + m.statutoryDays() + " working days; after " + DepartmentsCommand.list(m.predecessors()) + ")");
            }
        }
        return null;
    }
}
