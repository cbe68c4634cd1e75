package org.tanghulu.console.internal;

import java.util.Comparator;
import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tanghulu.catalog.plan.Procedures;
import org.tanghulu.catalog.plan.RedundancyReport;
import org.tanghulu.catalog.plan.RedundancyReport.DepartmentForms;
import org.tanghulu.catalog.plan.RedundancyReport.ElementUse;

/** {@code tanghulu:redundancy GROUP}: what the unified form saves over the departments' own forms. */
@Service
@Command(scope = "tanghulu", name = "redundancy", description = "Shows what a function group's unified form saves: forms and items before and after, repeated items")
public class RedundancyCommand extends GroupAction {

    @Override
    public Object execute() {
        RedundancyReport report = derive(Procedures::redundancy);
        summary(report).forEach(Terminal.out()::println);
        Terminal.out().println();
        ShellTable departments = new ShellTable();
        departments.column("Department");
        departments.column("Name");
        departments.column("Forms").alignRight();
        departments.column("Items").alignRight();
        for (DepartmentForms d : report.departments()) {
            departments.addRow().addContent(d.department(), Formats.zh(d.name()), d.forms(), d.items());
        }
        departments.print(Terminal.out());
        Terminal.out().println();
        ShellTable elements = new ShellTable().emptyTableText("No item was asked more than once.");
        elements.column("Element");
        elements.column("Label");
        elements.column("Asked before").alignRight();
        elements.column("Departments").wrap();
        for (ElementUse e : repeated(report)) {
            elements.addRow().addContent(e.element(), Formats.zh(e.label()), e.timesAskedBefore(),
                    DepartmentsCommand.list(e.departments()));
        }
        elements.print(Terminal.out());
        return null;
    }

    /** @return the before and after figures with their reductions, one line each */
    static List<String> summary(RedundancyReport r) {
        return List.of(r.group() + " v" + r.version(),
                "Before: " + r.formsBefore() + " forms, " + r.itemsBefore() + " items",
                "After:  " + r.sectionsAfter() + " sections, " + r.itemsAfter() + " items to type, "
                        + r.itemsFromSteps() + " filled from earlier steps",
                "Saved:  " + Formats.reduction(r.formsBefore(), r.sectionsAfter()) + " fewer forms, "
                        + Formats.reduction(r.itemsBefore(), r.itemsAfter()) + " fewer items to type");
    }

    /** @return the elements asked more than once before, most repeated first */
    static List<ElementUse> repeated(RedundancyReport r) {
        return r.elements().stream().filter(e -> e.timesAskedBefore() > 1)
                .sorted(Comparator.comparingInt(ElementUse::timesAskedBefore).reversed()).toList();
    }
}
