package org.tanghulu.core.cases.events;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service woken when cases' events have been committed on this node. Register it as
 * a DS component; the case engine calls every registered listener after each of its
 * transactions that wrote events has committed.
 *
 * <p>A wake-up is a hint, never the event itself: read the events with
 * {@link CaseEventLog#after(long, int)} from your own cursor. Events written on other nodes wake
 * nobody here, so keep polling at some period as well.
 */
@ConsumerType
public interface CaseEventListener {

    /**
     * Called on the thread that committed the events (a request thread): return at once, e.g.
     * by signalling a worker of your own; never read the log or block here. An exception thrown
     * is logged and ignored.
     *
     * @param position the position of the last event of the transaction that committed
     */
    void appended(long position);
}
