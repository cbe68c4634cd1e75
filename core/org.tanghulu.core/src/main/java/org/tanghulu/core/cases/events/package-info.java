/**
 * Case events as types: what happened to cases, read from the platform's durable, append-only
 * case event log. This is the extension point for capabilities that react to cases
 * (notifications, data exchange, the response center, supervision).
 *
 * <h2>How a listener works</h2>
 * <ol>
 * <li>It keeps its own cursor, a log {@linkplain RecordedCaseEvent#position() position}, in its
 * own table; a new listener usually starts at {@link CaseEventLog#head()}.</li>
 * <li>It reads {@link CaseEventLog#after(long, int)} its cursor, handles the events, and moves the
 * cursor in its own transaction, together with what it made of them. A crash between a case's
 * commit and the listener's handling loses nothing: the events are read again.</li>
 * <li>It polls now and then, and may register a {@link CaseEventListener} to be woken sooner.
 * The wake-up carries no event: the log is the only copy, so a missed wake-up (another node
 * wrote, the listener was not registered yet, the platform was killed) costs only latency.</li>
 * </ol>
 *
 * <h2>Positions and gaps</h2>
 * Positions increase with every event on the platform (all nodes share one log), but a position
 * is drawn when an event is written and transactions commit in any order: a reader may see
 * position 12 before 11 commits, and a rolled-back transaction leaves a gap forever. A listener
 * that must see every event leaves its cursor before a young gap (say, one whose next event is
 * less than two minutes old, by {@link RecordedCaseEvent#at()}; {@link CaseEventLog#settled} says
 * how far) and reads again from there; it must then tolerate seeing an event twice (a unique key
 * on what it makes is enough).
 *
 * <h2>Versioning</h2>
 * New kinds of events are a minor version: a listener ignores the kinds it does not know (test
 * with {@code instanceof}). Changing a record's components is a major version.
 */
@Export
@Version("1.4.0")
package org.tanghulu.core.cases.events;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
