package org.tanghulu.core.cases;

import java.util.Set;

/**
 * An authenticated member of staff acting on cases.
 *
 * @param name the login name, recorded on every event the actor causes
 * @param departments the departments whose tasks the actor may work on
 * @param supervisor whether the actor may read every department's work (not act on it)
 */
public record Actor(String name, Set<String> departments, boolean supervisor) {

    /** Normalises {@code departments} to an unmodifiable set. */
    public Actor {
        departments = Set.copyOf(departments);
    }

    /** @return whether the actor may read the work of {@code department} */
    public boolean maySee(String department) {
        return supervisor || departments.contains(department);
    }
}
