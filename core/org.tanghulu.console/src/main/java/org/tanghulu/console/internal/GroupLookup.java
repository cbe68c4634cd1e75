package org.tanghulu.console.internal;

import java.util.List;
import java.util.Optional;

import org.tanghulu.catalog.FunctionGroupStatus;
import org.tanghulu.catalog.Registry;

/** Turns an empty answer of {@code Procedures} into a sentence saying why there is nothing to show. */
final class GroupLookup {

    private GroupLookup() {
    }

    /**
     * @param found what {@code Procedures} answered for {@code group}
     * @return the answer, if there is one
     * @throws IllegalArgumentException if it is empty: the group is unknown, or what it is missing or why it is refused
     */
    static <T> T require(Optional<T> found, String group, Registry registry) {
        if (found.isPresent()) {
            return found.get();
        }
        List<FunctionGroupStatus> groups = registry.functionGroups();
        FunctionGroupStatus status = groups.stream().filter(g -> g.group().id().equals(group)).findFirst().orElse(null);
        if (status == null) {
            throw new IllegalArgumentException("No function group '" + group + "'. Known: "
                    + DepartmentsCommand.list(groups.stream().map(g -> g.group().id()).distinct().toList()));
        }
        if (!status.problems().isEmpty()) {
            throw new IllegalArgumentException("Function group '" + group + "' is refused: "
                    + String.join("; ", status.problems()));
        }
        if (!status.missing().isEmpty()) {
            throw new IllegalArgumentException("Function group '" + group + "' is not available now: "
                    + String.join("; ", status.missing()));
        }
        throw new IllegalArgumentException("Function group '" + group
                + "' cannot be charted now; the reason is in data/log/karaf.log.");
    }
}
