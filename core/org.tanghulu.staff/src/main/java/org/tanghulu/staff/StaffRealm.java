package org.tanghulu.staff;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.tanghulu.core.cases.Actor;

/**
 * Logs members of staff in against the platform's JAAS realm ({@code karaf}, accounts made with
 * {@code bin/tanghulu-admin}). The role {@code officer-<department>} lets an officer work on that
 * department's tasks; {@code supervisor} (or {@code admin}) lets a supervisor read every department's
 * work; {@code window-clerk} makes a clerk of the comprehensive window (综合窗口: originals checked at
 * acceptance, certificates handed over at the end; {@link Actor#windowClerk()}), who sees no department's
 * tasks. Used by the JSON API (HTTP Basic) and by the desk's login page.
 */
@ProviderType
public interface StaffRealm {

    /**
     * @param user the login name
     * @param password the password; the caller should clear it afterwards
     * @return the member of staff, or empty if the name or password is wrong
     */
    Optional<Actor> login(String user, char[] password);
}
