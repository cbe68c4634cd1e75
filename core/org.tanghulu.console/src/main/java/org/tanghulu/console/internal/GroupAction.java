package org.tanghulu.console.internal;

import java.util.Optional;
import java.util.function.BiFunction;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.tanghulu.catalog.Registry;
import org.tanghulu.catalog.plan.Procedures;

/** A command about one function group, named by its only argument. */
abstract class GroupAction implements Action {

    @Argument(index = 0, name = "group", description = "The function group id, e.g. enterprise-establishment", required = true)
    @Completion(GroupCompleter.class)
    String group;

    @Reference
    private Procedures procedures;

    @Reference
    private Registry registry;

    /** @return what {@code derive} gives for the group, or an error saying why there is nothing to show */
    <T> T derive(BiFunction<Procedures, String, Optional<T>> derive) {
        return GroupLookup.require(derive.apply(procedures, group), group, registry);
    }
}
