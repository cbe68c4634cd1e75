package org.tanghulu.core.cases;

import java.util.Set;

/**
 * An authenticated member of staff acting on cases.
 *
 * @param name the login name, recorded on every event the actor causes
 * @param departments the departments whose tasks the actor may work on
 * @param supervisor whether the actor may read every department's work (not act on it)
 * @param windowClerk whether the actor works at the comprehensive window (综合窗口, role {@code window-clerk}):
 *        checks originals at acceptance and hands certificates over at the end; gives no access to
 *        departments' tasks or to supervision (since 2.2)
 */
public record Actor(String name, Set<String> departments, boolean supervisor, boolean windowClerk) {

    /** Normalises {@code departments} to an unmodifiable set. */
    public Actor {
        departments = Set.copyOf(departments);
    }

    /** An actor who is no window clerk, as before 2.2. */
    public Actor(String name, Set<String> departments, boolean supervisor) {
        this(name, departments, supervisor, false);
    }

    /** @return whether the actor may read the work of {@code department} */
    public boolean maySee(String department) {
        return supervisor || departments.contains(department);
    }
}
