package org.tanghulu.console.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.tanghulu.catalog.Registry;

/** Completes the ids of the function groups contributed now. */
@Service
public class GroupCompleter implements Completer {

    @Reference
    private Registry registry;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter ids = new StringsCompleter(
                registry.functionGroups().stream().map(g -> g.group().id()).distinct().toList());
        return ids.complete(session, commandLine, candidates);
    }
}
