package org.tanghulu.staff;

import java.util.Optional;
import java.util.function.Supplier;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Slows down password guessing, kept in the database so that it holds across restarts and nodes.
 * Within one {@link Audience}, a run of failures for one name locks that name, and a (larger) run
 * from one client address locks that address, for every entry point of the audience: a name
 * locked on the desk is locked on the staff API too. While locked, the password is not even
 * checked (no hash is computed), right or wrong. A success forgets the name's failures, not the
 * address's. The limits are configured in {@code etc/org.tanghulu.login.cfg}.
 *
 * <p>Thread-safe; concurrent failures are all counted.
 */
@ProviderType
public interface LoginThrottle {

    /**
     * Checks a login unless the name or address is locked, and counts the outcome.
     *
     * @param audience whose names and addresses
     * @param user the name as typed; compared without case and surrounding blanks ({@code null} counts as "")
     * @param address the client's address ({@code HttpServletRequest.getRemoteAddr()})
     * @param check checks the password; called only if neither is locked; empty means wrong
     * @return the logged-in party, or why not
     */
    <T> LoginAttempt<T> attempt(Audience audience, String user, String address, Supplier<Optional<T>> check);
}
