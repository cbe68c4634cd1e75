package org.tanghulu.console.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.tanghulu.catalog.DepartmentStatus;
import org.tanghulu.catalog.Registry;

/** Completes the ids of the departments present now. */
@Service
public class DepartmentCompleter implements Completer {

    @Reference
    private Registry registry;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter ids = new StringsCompleter(registry.departments().stream().map(DepartmentStatus::id).toList());
        return ids.complete(session, commandLine, candidates);
    }
}
