package org.tanghulu.exchange;

import java.time.Instant;
import java.util.List;

/**
 * A department's link to its own system or front-end processor, and how it fares. The secret is never
 * part of it.
 *
 * @param department the department's id
 * @param url where the platform sends the department's tasks: the system's URL ({@link #HTTP}), the
 *        front-end processor's JDBC URL ({@link #TABLES}) or its broker's AMQP URI ({@link #QUEUE}), or for
 *        offline media ({@link #DISK}) {@code disk:} and the start of the department's public key;
 *        {@code null} if nothing is linked
 * @param transport {@link #HTTP}, {@link #TABLES}, {@link #QUEUE}, {@link #DISK}, or {@code null} if nothing is linked
 * @param breaker the circuit breaker's state (DIRECT only; a front-end processor's tasks wait in the outbox instead)
 * @param failures failures in a row since the last success
 * @param openedAt when the breaker last opened, or {@code null}
 * @param lastSuccess when the system or front-end processor last answered, or {@code null}
 * @param lastFailureAt when it last failed, or {@code null}
 * @param lastFailure how it last failed, or {@code null}
 * @param matters the department's matters on {@code DIRECT}, {@code FRONT_END} or {@code DISK}, as its adapter declares them now
 * @param queued the department's tasks waiting to be sent (for a front-end processor: the outbox's depth; for
 *        offline media: the tasks waiting for export)
 * @param parked results of the department the platform could not use, parked for the console
 * @param waiting the department's tasks sent and not answered yet (for offline media: exported, unanswered)
 * @param diskKey the start of the SM2 public key of the department's offline media, or {@code null} if it has none
 *        registered; a department linked over HTTP or to a front-end processor may have offline media as well
 * @since 1.2
 */
public record LinkStatus(String department, String url, String transport, Breaker breaker, int failures, Instant openedAt,
        Instant lastSuccess, Instant lastFailureAt, String lastFailure, List<String> matters, long queued, int parked,
        long waiting, String diskKey) {

    /** A system linked for DIRECT calls over HTTP. */
    public static final String HTTP = "HTTP";
    /** A front-end processor linked through its exchange tables (FRONT_END). */
    public static final String TABLES = "TABLES";
    /** A front-end processor linked through a RabbitMQ broker's queues (FRONT_END). */
    public static final String QUEUE = "QUEUE";
    /** Offline media (DISK): signed batch files out, signed result files in, carried by hand. */
    public static final String DISK = "DISK";

    /** A circuit breaker's states. */
    public enum Breaker {
        /** Tasks go to the system. */
        CLOSED,
        /** The system failed too often: new tasks go to the desk until it has been open a while. */
        OPEN,
        /** One task probes the system; its answer closes the breaker, its failure opens it again. */
        HALF_OPEN
    }

    /** Normalises the matters to an unmodifiable list. */
    public LinkStatus {
        matters = List.copyOf(matters);
    }
}
