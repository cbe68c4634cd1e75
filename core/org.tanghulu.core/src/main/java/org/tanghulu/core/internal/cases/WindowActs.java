package org.tanghulu.core.internal.cases;

import java.time.Clock;
import java.util.Map;

import org.tanghulu.core.Refusal;
import org.tanghulu.core.cases.CaseState;
import org.tanghulu.core.cases.WindowAct;

/**
 * The window's acts as case events ({@link org.tanghulu.core.cases.Cases#recordWindowAct}): with the case row
 * locked, an act whose type the case already has answers that event's position, so a retry never writes twice.
 */
final class WindowActs {

    private final CaseAccess access;
    private final EventLog log;
    private final Clock clock;

    WindowActs(CaseAccess access, EventLog log, Clock clock) {
        this.access = access;
        this.log = log;
        this.clock = clock;
    }

    long record(String trackingNumber, WindowAct act) {
        if (act == null || act.actor() == null || act.actor().isBlank()) {
            throw CaseRules.invalid("actor", "窗口办理记录须写明经办人。", "A window act needs its actor.");
        }
        String receipt = act instanceof WindowAct.CertificatesHandedOver h ? h.receiptNumber()
                : act instanceof WindowAct.ReceiptConfirmed r ? r.receiptNumber() : "-";
        if (receipt == null || receipt.isBlank()) {
            throw CaseRules.invalid("receiptNumber", "出件记录须有回执编号。", "A hand-over needs its receipt number.");
        }
        CaseEntity current = access.byTrackingNumber(trackingNumber)
                .orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, "There is no case " + trackingNumber + "."));
        return log.run(em -> {
            CaseEntity c = MaterialWaits.lock(em, current);
            Long earlier = em.createQuery("select min(e.id) from EventEntity e where e.caseId = :c and e.type = :t", Long.class)
                    .setParameter("c", c.id).setParameter("t", act.type()).getSingleResult();
            if (earlier != null) {
                return earlier;
            }
            if (!(act instanceof WindowAct.OriginalsChecked) && c.state != CaseState.COMPLETED) {
                throw new Refusal(Refusal.Kind.CONFLICT, "Case " + trackingNumber + " is not completed: nothing was handed over.");
            }
            if (act instanceof WindowAct.OriginalsChecked o) {
                return log.append(em, c.id, null, clock.instant(), o.clerk(), o.type(), null, null,
                        "Originals checked at the window: " + o.matching().size() + " match, " + o.mismatched().size()
                                + " do not match, " + o.notPresented().size() + " not presented",
                        EventLog.payload("matching", o.matching(), "mismatched", o.mismatched(), "notPresented", o.notPresented()));
            }
            if (act instanceof WindowAct.CertificatesHandedOver h) {
                return log.append(em, c.id, null, clock.instant(), h.clerk(), h.type(), null, null,
                        "Certificates handed over at the window, receipt " + h.receiptNumber()
                                + (h.signedOnPaper() ? ", signed on paper" : ""),
                        EventLog.payload("receiptNumber", h.receiptNumber(), "recipient", h.recipient(), "signedOnPaper",
                                h.signedOnPaper()));
            }
            WindowAct.ReceiptConfirmed r = (WindowAct.ReceiptConfirmed) act;
            return log.append(em, c.id, null, clock.instant(), r.actor(), r.type(), null, null,
                    "Receipt " + r.receiptNumber() + " confirmed by the applicant", Map.of("receiptNumber", r.receiptNumber()));
        });
    }
}
