package org.tanghulu.console.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tanghulu.catalog.MatterEntry;
import org.tanghulu.catalog.Registry;

/** {@code tanghulu:matters [DEPARTMENT]}: the matters of the active departments. */
@Service
@Command(scope = "tanghulu", name = "matters", description = "Lists the matters of the active departments")
public class MattersCommand implements Action {

    @Argument(index = 0, name = "department", description = "Only this department's matters")
    @Completion(DepartmentCompleter.class)
    String department;

    @Reference
    private Registry registry;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Matter");
        table.column("Name");
        table.column("Department");
        table.column("Promised").alignRight();
        table.column("Statutory").alignRight();
        table.column("After").wrap();
        for (MatterEntry m : registry.matters()) {
            if (department == null || department.equals(m.key().department())) {
                table.addRow().addContent(m.key(), m.matter().name().zh(), m.department().zh(),
                        m.matter().promisedDays(), m.matter().statutoryDays(),
                        DepartmentsCommand.list(m.matter().predecessors()));
            }
        }
        table.print(Terminal.out());
        return null;
    }
}
