package org.tanghulu.staff;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.tanghulu.core.cases.Actor;

/**
 * Bearer tokens of the staff API, kept in the database (as SHA-256 hashes) so that every node
 * accepts them. A token carries the roles its holder had at login: a role change takes effect at
 * the next login. Lifetimes are configured in {@code etc/org.tanghulu.login.cfg}.
 */
@ProviderType
public interface StaffTokens {

    /** @return a new token for {@code actor}, who has just logged in through the {@link LoginThrottle} */
    StaffToken issue(Actor actor);

    /**
     * @param token as sent by the client
     * @return its holder, if the token exists and has neither expired nor been idle too long (this use
     *         counts as activity)
     */
    Optional<Actor> actor(String token);

    /** @return whether {@code token} was valid and is now revoked */
    boolean revoke(String token);
}
