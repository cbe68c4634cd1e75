package org.tanghulu.exchange;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The departments' systems in {@code DIRECT} mode: their links, and each task's exchange. Reads and
 * writes the database; safe from any thread and on any node.
 *
 * @since 1.2
 */
@ProviderType
public interface Exchanges {

    /** @return the task's exchange, if its matter is on {@code DIRECT}; empty for a task on the desk by design */
    Optional<TaskExchange> task(long taskId);

    /** @return every department with a linked system or an adapter that declares a {@code DIRECT} matter, by id */
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
     * Unlinks a department's system: from now on its DIRECT matters are decided on the desk. Its tasks
     * still queued go to the desk when their turn comes, and callbacks are refused (the secret is gone).
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

    /** @return the latest callbacks refused (bad signature, another department's task, a closed task, ...), newest first */
    List<RefusedCallback> refusedCallbacks(int max);
}
