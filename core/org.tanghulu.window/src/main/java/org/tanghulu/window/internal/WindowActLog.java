package org.tanghulu.window.internal;

import java.util.List;

import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanghulu.core.cases.Cases;
import org.tanghulu.core.cases.WindowAct;

/**
 * Makes the window's acts events of their cases through the case engine's {@link Cases#recordWindowAct}. No
 * transaction spans the window's unit and the engine's: the act is committed in the window's table first, then
 * recorded (idempotent per case and kind), then its event's position is noted on the row. An act whose position is
 * missing (the platform stopped in between, or the engine refused for the moment) is recorded again by
 * {@link #recordPending}, which the feed runs every round: nothing is lost and nothing written twice.
 */
@Component(service = WindowActLog.class)
public class WindowActLog {

    private static final Logger LOG = LoggerFactory.getLogger(WindowActLog.class);
    static final int CASES_PER_ROUND = 100;

    private final JpaTemplate jpa;
    private final Cases cases;

    @Activate
    public WindowActLog(@Reference WindowDatabase database, @Reference Cases cases) {
        this.jpa = database.jpa();
        this.cases = cases;
    }

    /**
     * Records the case's acts not recorded yet; call outside any transaction.
     *
     * @return whether every act of the case is recorded now
     */
    boolean record(String trackingNumber) {
        WindowCaseEntity c = jpa.txExpr(TransactionType.Supports, em -> em.find(WindowCaseEntity.class, trackingNumber));
        if (c == null) {
            return true;
        }
        List<CheckEntity> checks = jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "select k from CheckEntity k where k.trackingNumber = :t", CheckEntity.class).setParameter("t", trackingNumber)
                .getResultList());
        for (WindowAct act : Rules.unrecorded(c, checks)) {
            long position;
            try {
                position = cases.recordWindowAct(trackingNumber, act);
            } catch (RuntimeException e) {
                LOG.warn("The window's {} of {} is not a case event yet (tried again shortly): {}", act.type(), trackingNumber,
                        e.toString());
                return false;
            }
            jpa.tx(TransactionType.Required, em -> Rules.recorded(em.find(WindowCaseEntity.class, trackingNumber,
                    LockModeType.PESSIMISTIC_WRITE), act, position));
        }
        return true;
    }

    /** @return how many cases had acts still to record */
    int recordPending() {
        List<String> pending = jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select c.trackingNumber from"
                + " WindowCaseEntity c where (c.checkedAt is not null and c.checkedEvent is null)"
                + " or (c.handedAt is not null and c.handedEvent is null)"
                + " or (c.confirmedAt is not null and c.confirmedEvent is null) order by c.submittedAt", String.class)
                .setMaxResults(CASES_PER_ROUND).getResultList());
        pending.forEach(this::record);
        return pending.size();
    }
}
