package org.tanghulu.api.exchange;

/**
 * How the tasks of a matter reach the department and its results come back (the seeds' exchange
 * modes). Whatever the mode, the platform owns retries, idempotency, the record of every message in
 * the case dossier and the fall-back to the desk.
 */
public enum ExchangeMode {

    /** Officers decide on the desk; also where every other mode falls back to, with the reason shown. */
    MANUAL,

    /**
     * Direct coupling: when a task becomes ready the platform sends the application data to the
     * department's system over HTTP/JSON and the system answers at once or later by a signed
     * callback. The admin links the system ({@code tanghulu:exchange-link}); until then, and
     * whenever the system cannot be reached, the task goes to the desk.
     */
    DIRECT,

    /**
     * Store and forward through the department's front-end processor (前置机): the platform writes
     * the tasks in batches into the front-end processor's exchange tables, the department's system
     * picks them up when it can and writes its results there, and the platform reads them back. The
     * platform keeps the tasks in its own outbox while the front-end processor is unreachable and
     * catches up after. The admin links the front-end processor
     * ({@code tanghulu:exchange-link --front-end}); until then the task goes to the desk.
     */
    FRONT_END,

    /**
     * Offline media (离线介质), for a department whose network the platform cannot reach at all:
     * the platform exports the department's ready tasks as one file signed with the platform's SM2
     * key (a batch, carried over on a disk), the department's system decides them and returns a
     * result file signed with the department's own SM2 key, and an admin or one of the
     * department's officers imports it. The platform checks the signature, refuses a forged,
     * truncated or misdirected file as a whole, reports replayed and unknown results line by line
     * and decides each task at most once. The admin registers the department's public key
     * ({@code tanghulu:exchange-link --disk}); until then the task goes to the desk, and an
     * officer may take an exported task on the desk at any time.
     */
    DISK
}
