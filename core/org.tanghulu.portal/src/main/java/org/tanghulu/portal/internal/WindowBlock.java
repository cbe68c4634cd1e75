package org.tanghulu.portal.internal;

import static org.tanghulu.portal.internal.PortalServlet.WHEN;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.tanghulu.core.cases.Cases;
import org.tanghulu.web.Exchange;
import org.tanghulu.window.Window;
import org.tanghulu.window.WindowCase;
import org.tanghulu.window.WindowRefusal;

/**
 * The comprehensive window (综合窗口) on the applicant's case page: the check of the originals, the
 * hand-over of the certificates with its receipt, and the applicant's confirmation of receipt
 * ({@code POST /cases/{tn}/window/confirm}). Self-contained: the case page adds {@link #model} and
 * includes {@code window-receipt.ftlh}.
 */
final class WindowBlock {

    private final Window window;
    private final Cases cases;

    WindowBlock(Window window, Cases cases) {
        this.window = window;
        this.cases = cases;
    }

    /** Puts {@code windowRecord} and {@code windowTimes} into the case page's model, if the window knows the case. */
    void model(Exchange x, Map<String, Object> model, String tn, String accessKey) {
        WindowCase w;
        try {
            w = window.forApplicant(tn, accessKey);
        } catch (WindowRefusal e) {
            return;
        }
        Map<String, String> times = new HashMap<>();
        if (w.checkedAt() != null) {
            times.put("checked", WHEN.format(w.checkedAt()));
        }
        if (w.handOver() != null) {
            times.put("handed", WHEN.format(w.handOver().at()));
            if (w.handOver().confirmedAt() != null) {
                times.put("confirmed", WHEN.format(w.handOver().confirmedAt()));
            }
        }
        model.put("windowRecord", w);
        model.put("windowTimes", times);
        if ("confirmed".equals(x.param("window"))) {
            model.put("windowConfirmed", true);
        }
    }

    /** {@code POST /cases/{tn}/window/confirm}: the applicant confirms receipt of the certificates. */
    void confirm(Exchange x) throws IOException {
        Applicant me = AccountPages.me(x);
        String tn = x.pathParam("tn");
        try {
            window.confirm(tn, cases.accessKey(tn, me.id()));
            x.redirect("/cases/" + tn + "?window=confirmed#window-receipt");
        } catch (WindowRefusal e) {
            if (e.reason() == WindowRefusal.Reason.UNKNOWN_CASE) {
                throw e;
            }
            x.error(e.kind().status(), "portal.window.refused." + e.reason().name());
        }
    }
}
