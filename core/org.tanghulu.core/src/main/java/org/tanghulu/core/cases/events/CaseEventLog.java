package org.tanghulu.core.cases.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The durable case event log, read as typed events. Each call is its own short read
 * transaction: call it outside any transaction of your own (the log's persistence unit is not
 * yours, and a transaction over two units would be a two-phase commit). Safe from any thread
 * and on every platform node.
 */
@ProviderType
public interface CaseEventLog {

    /** The most events one call of {@link #after(long, int)} returns. */
    int MAX_READ = 1000;

    /**
     * @param position the last position the caller has handled; {@code 0} for the beginning
     * @param max how many events at most, from 1 to {@link #MAX_READ} (larger values are cut down)
     * @return the committed events after {@code position}, in order of position; empty if there
     *         are none yet. Mind the gaps described in the package documentation.
     * @throws IllegalArgumentException if {@code max} is below 1
     */
    List<RecordedCaseEvent> after(long position, int max);

    /** @return the position of the last event committed so far, {@code 0} if there is none */
    long head();

    /**
     * How far a listener may move its cursor over events it has read (see the package
     * documentation on gaps): over every event up to the first gap that may still fill, that is
     * one whose next event is younger than {@code grace}.
     *
     * @param from the cursor the events were read {@linkplain #after(long, int) after}
     * @param events what {@link #after(long, int)} returned, in order
     * @param now the time now, by the listener's clock
     * @param grace how long a missing position may still be a transaction about to commit
     * @return the new cursor: {@code from} or the position of one of {@code events}
     * @since 1.1
     */
    static long settled(long from, List<RecordedCaseEvent> events, Instant now, Duration grace) {
        Instant young = now.minus(grace);
        long cursor = from;
        for (RecordedCaseEvent e : events) {
            if (e.position() != cursor + 1 && e.at().isAfter(young)) {
                break;
            }
            cursor = e.position();
        }
        return cursor;
    }
}
