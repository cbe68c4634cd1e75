package org.tanghulu.api.exchange;

/**
 * How the tasks of a matter reach the department and its results come back (the seeds' exchange
 * modes). Later minor versions add the store-and-forward and offline-media modes.
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
    DIRECT
}
