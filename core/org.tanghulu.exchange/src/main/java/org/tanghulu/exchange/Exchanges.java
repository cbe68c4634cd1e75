package org.tanghulu.exchange;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The departments' systems in {@code DIRECT} mode, their front-end processors in {@code FRONT_END}
 * mode and their offline media in {@code DISK} mode: their links, each task's exchange, the front-end
 * results parked, and the signed batch and result files of offline media. Reads and writes the
 * database; safe from any thread and on any node.
 *
 * @since 1.2
 */
@ProviderType
public interface Exchanges {

    /** @return the task's exchange, if its matter is on {@code DIRECT}, {@code FRONT_END} or {@code DISK}; empty for a task on the desk by design */
    Optional<TaskExchange> task(long taskId);

    /** @return every department with a link or an adapter that declares a {@code DIRECT}, {@code FRONT_END} or {@code DISK} matter, by id */
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
     * Registers a department's offline media (DISK), or its new key: the department's SM2 public key
     * (curve sm2p256v1, the uncompressed point in hex, 130 characters starting {@code 04}) that its
     * result files must be signed with. From now on new tasks of its {@code DISK} matters wait to be
     * exported ({@link #exportDisk}); a key registered again replaces the old one (files signed with
     * that are refused from then on).
     *
     * @return the link
     * @throws org.tanghulu.core.Refusal INVALID for a bad department id or a key that is no SM2 public key
     * @since 1.2
     */
    LinkStatus linkDisk(String department, String publicKeyHex);

    /**
     * Exports the department's {@code DISK} tasks that are ready and not yet exported, as one file
     * signed with the platform's SM2 key (the one that signs the dossiers, {@link Dossiers#publicKey}),
     * and records them as exported in the batch (and each request in its case's dossier) before it
     * returns. A task an officer claimed on the desk meanwhile, or that was closed, is left out.
     *
     * @param again also the tasks exported before and still unanswered (a lost or damaged disk)
     * @return the batch and its file
     * @throws org.tanghulu.core.Refusal CONFLICT if the department has no offline media registered or no task
     *         waits for export
     * @since 1.2
     */
    DiskBatch exportDisk(String department, boolean again);

    /**
     * Imports a department's signed result file: refused as a whole (INVALID, nothing imported) if it is
     * not such a file, is another department's, is unsigned or truncated, or its signature does not
     * verify with the department's registered key; otherwise each result decides its task through the
     * same path as a front-end processor's result, and is recorded in the case's dossier. A result
     * imported before, or for a task already decided, decides nothing and is reported as a duplicate; a
     * result for a task never exported to the department, or that cannot be used, is reported with its
     * line number. Every decision is committed before this returns.
     *
     * @param file the file's bytes
     * @return what the file decided, and each line that decided nothing
     * @throws org.tanghulu.core.Refusal INVALID if the file is refused as a whole; CONFLICT if the department
     *         has no offline media registered
     * @since 1.2
     */
    DiskImport importDisk(String department, byte[] file);

    /**
     * Unlinks a department's system or front-end processor, or forgets its offline media's key: from now
     * on its DIRECT, FRONT_END and DISK matters are decided on the desk (tasks already exported stay
     * exported; their result files are refused without the key). Its tasks still queued go to the desk when their turn comes, and
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
