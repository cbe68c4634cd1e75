package org.tanghulu.exchange;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The departments' systems in {@code DIRECT} mode and their front-end processors in {@code FRONT_END}
 * mode: their links, each task's exchange, and the front-end results parked. Reads and writes the
 * database; safe from any thread and on any node.
 *
 * @since 1.2
 */
@ProviderType
public interface Exchanges {

    /** @return the task's exchange, if its matter is on {@code DIRECT} or {@code FRONT_END}; empty for a task on the desk by design */
    Optional<TaskExchange> task(long taskId);

    /** @return every department with a link or an adapter that declares a {@code DIRECT} or {@code FRONT_END} matter, by id */
    List<LinkStatus> links();

    /**
     * Links a department's system, or moves it: tasks of its {@code DIRECT} matters go to {@code url},
     * requests and callbacks are signed with {@code secret}. The breaker starts closed.
     *
     * @param url an {@code http} or {@code https} URL
     * @param secret the shared HMAC secret, at least 32 characters
     * @return the link
     * @throws org.tanghulu.core.Refusal INVALID for a bad URL or a short secret
     */
    LinkStatus link(String department, String url, String secret);

    /**
     * Links a department's front-end processor (前置机), or moves it: tasks of its {@code FRONT_END}
     * matters are written in batches into the exchange tables {@code fe_request} of the database at
     * {@code jdbcUrl}, and its results are read from {@code fe_result} there (docs/admin-guide.md gives
     * the tables). The platform creates the tables if they are missing. While the database cannot be
     * reached, the tasks wait in the platform's outbox.
     *
     * @param jdbcUrl a {@code jdbc:postgresql:} or {@code jdbc:h2:tcp:} URL, with the user in it if needed
     * @param password the database password, or empty
     * @return the link
     * @throws org.tanghulu.core.Refusal INVALID for another kind of URL; UNAVAILABLE if the database
     *         cannot be reached or its tables not be made now (nothing is linked then)
     */
    LinkStatus linkFrontEnd(String department, String jdbcUrl, String password);

    /**
     * Unlinks a department's system or front-end processor: from now on its DIRECT and FRONT_END
     * matters are decided on the desk. Its tasks still queued go to the desk when their turn comes, and
     * callbacks are refused (the secret is gone).
     *
     * @return whether a system was linked
     */
    boolean unlink(String department);

    /**
     * Sends a task to its department's system again, now: a task that came to the desk and is still
     * ready, or one that waits for a callback.
     *
     * @return the task's exchange, queued
     * @throws org.tanghulu.core.Refusal NOT_FOUND if the task has no exchange; CONFLICT if it was
     *         decided or an officer has claimed it, or the department has no linked system
     */
    TaskExchange retry(long taskId);

    /** @return the front-end results parked and not yet sent back, oldest first */
    List<ParkedResult> parked(int max);

    /**
     * Sends a parked result back through the platform, as if the front-end processor had just written it.
     *
     * @return the result: with no reason if it was used now (it is parked no more), else with the reason it
     *         stays parked
     * @throws org.tanghulu.core.Refusal NOT_FOUND if no result with that number is parked; UNAVAILABLE if
     *         its department is not installed now
     */
    ParkedResult resend(long id);

    /** @return the latest callbacks refused (bad signature, another department's task, a closed task, ...), newest first */
    List<RefusedCallback> refusedCallbacks(int max);
}
