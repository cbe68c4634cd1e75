package org.tanghulu.exchange;

import java.time.Instant;
import java.util.List;

/**
 * A department's link to its own system and how it fares. The secret is never part of it.
 *
 * @param department the department's id
 * @param url where the platform sends the department's tasks, or {@code null} if no system is linked
 * @param breaker the circuit breaker's state
 * @param failures failures in a row since the last success
 * @param openedAt when the breaker last opened, or {@code null}
 * @param lastSuccess when the system last answered, or {@code null}
 * @param lastFailureAt when it last failed, or {@code null}
 * @param lastFailure how it last failed, or {@code null}
 * @param directMatters the department's matters on {@code DIRECT}, as its adapter declares them now
 * @since 1.2
 */
public record LinkStatus(String department, String url, Breaker breaker, int failures, Instant openedAt,
        Instant lastSuccess, Instant lastFailureAt, String lastFailure, List<String> directMatters) {

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
        directMatters = List.copyOf(directMatters);
    }
}
