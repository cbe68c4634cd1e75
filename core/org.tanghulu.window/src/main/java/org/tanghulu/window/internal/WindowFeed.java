package org.tanghulu.window.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanghulu.core.cases.events.CaseEventLog;
import org.tanghulu.core.cases.events.RecordedCaseEvent;

/**
 * Keeps the window's cases in step with the case event log (the scheduler's whiteboard runs it every 2 s,
 * never two at once): a SUBMITTED event puts a case on the acceptance list, COMPLETED moves it to the
 * hand-over list, the case's REJECTED closes it. The cursor moves in the same transaction as the rows,
 * over settled events only; an event read twice changes nothing. Each round also records the window's acts that
 * are not case events yet ({@link WindowActLog#recordPending}).
 */
@Component(service = Runnable.class, property = {"scheduler.name=tanghulu-window", "scheduler.period:Long=2",
        "scheduler.concurrent:Boolean=false"})
public class WindowFeed implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(WindowFeed.class);
    static final int EVENTS_PER_ROUND = 500;
    static final Duration GRACE = Duration.ofMinutes(2);

    private final JpaTemplate jpa;
    private final CaseEventLog log;
    private final WindowActLog acts;

    @Activate
    public WindowFeed(@Reference WindowDatabase database, @Reference CaseEventLog log, @Reference WindowActLog acts) {
        this.jpa = database.jpa();
        this.log = log;
        this.acts = acts;
    }

    @Override
    public void run() {
        try {
            feed(Instant.now());
        } catch (RuntimeException e) {
            LOG.warn("The window did not read the case events this round: {}", e.toString(), e);
        }
        try {
            acts.recordPending();
        } catch (RuntimeException e) {
            LOG.warn("The window's acts were not recorded as case events this round: {}", e.toString(), e);
        }
    }

    /** @return how many events changed the window's cases */
    int feed(Instant now) {
        long from = jpa.txExpr(TransactionType.Supports, em -> em.find(WindowCursorEntity.class, WindowCursorEntity.ID).lastEventId);
        List<RecordedCaseEvent> events = log.after(from, EVENTS_PER_ROUND);
        if (events.isEmpty()) {
            return 0;
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            WindowCursorEntity cursor = em.find(WindowCursorEntity.class, WindowCursorEntity.ID, LockModeType.PESSIMISTIC_WRITE);
            if (cursor.lastEventId != from) {
                return 0;
            }
            cursor.lastEventId = CaseEventLog.settled(from, events, now, GRACE);
            int count = 0;
            for (RecordedCaseEvent e : events) {
                WindowCaseEntity c = em.find(WindowCaseEntity.class, e.trackingNumber());
                if (e instanceof RecordedCaseEvent.Submitted s && c == null) {
                    c = new WindowCaseEntity();
                    c.trackingNumber = s.trackingNumber();
                    c.caseId = s.caseId();
                    c.group = s.caseRef().group();
                    c.applicantName = s.caseRef().applicant().name();
                    c.submittedAt = s.at();
                    em.persist(c);
                    em.flush();
                    count++;
                } else if (c != null && c.outcome == null && (e instanceof RecordedCaseEvent.CaseCompleted
                        || e instanceof RecordedCaseEvent.CaseRejected)) {
                    c.outcome = e instanceof RecordedCaseEvent.CaseCompleted ? WindowCaseEntity.COMPLETED : WindowCaseEntity.REJECTED;
                    c.closedAt = e.at();
                    count++;
                }
            }
            return count;
        });
    }
}
