package org.tanghulu.api.exchange;

/**
 * How the tasks of a matter reach the department and its results come back (the seeds' exchange
 * modes). A later minor version adds the offline-media mode.
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
    FRONT_END
}
