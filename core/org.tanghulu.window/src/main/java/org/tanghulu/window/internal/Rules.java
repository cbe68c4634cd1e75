package org.tanghulu.window.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.tanghulu.core.cases.WindowAct;
import org.tanghulu.window.HandOverRequest;
import org.tanghulu.window.OriginalCheck;
import org.tanghulu.window.Phase;
import org.tanghulu.window.Verdict;
import org.tanghulu.window.WindowRefusal;
import org.tanghulu.window.WindowRefusal.Reason;

/** The window's rules, without a database: what a check and a hand-over must be, and where a case stands. */
final class Rules {

    static final int MAX_REASON = 500;
    static final int MAX_NAME = 200;
    private static final Pattern ID_NUMBER = Pattern.compile("[A-Za-z0-9]{6,30}");

    private Rules() {
    }

    /**
     * @return the findings by material, one for every declared material, reasons stripped
     * @throws WindowRefusal MATERIALS_WRONG or REASON_MISSING
     */
    static Map<String, OriginalCheck> checks(Set<String> declared, List<OriginalCheck> checks) {
        Map<String, OriginalCheck> byMaterial = new LinkedHashMap<>();
        for (OriginalCheck c : checks) {
            if (c == null || c.material() == null || c.verdict() == null || !declared.contains(c.material())
                    || byMaterial.containsKey(c.material())) {
                throw new WindowRefusal(Reason.MATERIALS_WRONG, "Every declared material needs exactly one finding.");
            }
            String reason = c.reason() == null || c.reason().isBlank() ? null : c.reason().strip();
            if (c.verdict() == Verdict.MISMATCH && reason == null) {
                throw new WindowRefusal(Reason.REASON_MISSING,
                        "Material '" + c.material() + "' does not match: say why.");
            }
            if (reason != null && reason.length() > MAX_REASON) {
                reason = reason.substring(0, MAX_REASON);
            }
            byMaterial.put(c.material(), new OriginalCheck(c.material(), c.verdict(), c.verdict() == Verdict.MISMATCH ? reason : null));
        }
        if (!byMaterial.keySet().equals(declared)) {
            throw new WindowRefusal(Reason.MATERIALS_WRONG, "Every declared material needs exactly one finding.");
        }
        return byMaterial;
    }

    /**
     * @return the request with its texts stripped and the identity number upper-cased
     * @throws WindowRefusal RECIPIENT_MISSING or ID_NUMBER_WRONG
     */
    static HandOverRequest handOver(HandOverRequest request) {
        String recipient = request.recipient() == null ? "" : request.recipient().strip();
        if (recipient.isEmpty() || recipient.length() > MAX_NAME) {
            throw new WindowRefusal(Reason.RECIPIENT_MISSING, "Name the person who takes the certificates.");
        }
        String id = request.idNumber() == null ? "" : request.idNumber().strip();
        if (!ID_NUMBER.matcher(id).matches()) {
            throw new WindowRefusal(Reason.ID_NUMBER_WRONG,
                    "Give the recipient's identity number: 6 to 30 letters and digits.");
        }
        return new HandOverRequest(recipient, id.toUpperCase(java.util.Locale.ROOT), request.signedOnPaper());
    }

    /** @return the receipt number of a case's hand-over (one per case, so unique) */
    static String receiptNumber(String trackingNumber) {
        return "HJ-" + trackingNumber;
    }

    /** @return the number with all but its last four characters as {@code *} */
    static String mask(String idNumber) {
        if (idNumber == null) {
            return null;
        }
        int keep = Math.min(4, idNumber.length());
        return "*".repeat(idNumber.length() - keep) + idNumber.substring(idNumber.length() - keep);
    }

    /**
     * @param c a window case
     * @param checks its findings
     * @return the acts of the case not yet recorded as case events, in the order they happened
     */
    static List<WindowAct> unrecorded(WindowCaseEntity c, Collection<CheckEntity> checks) {
        List<WindowAct> acts = new ArrayList<>();
        if (c.checkedAt != null && c.checkedEvent == null) {
            Map<String, String> mismatched = new TreeMap<>();
            checks.stream().filter(k -> k.verdict == Verdict.MISMATCH).forEach(k -> mismatched.put(k.material, k.reason));
            acts.add(new WindowAct.OriginalsChecked(c.checkedBy, materials(checks, Verdict.MATCHES), mismatched,
                    materials(checks, Verdict.NOT_PRESENTED)));
        }
        if (c.handedAt != null && c.handedEvent == null) {
            acts.add(new WindowAct.CertificatesHandedOver(c.handedBy, c.receiptNumber, c.recipient, c.signedOnPaper));
        }
        if (c.confirmedAt != null && c.confirmedEvent == null) {
            acts.add(new WindowAct.ReceiptConfirmed(c.receiptNumber));
        }
        return acts;
    }

    private static List<String> materials(Collection<CheckEntity> checks, Verdict verdict) {
        return checks.stream().filter(k -> k.verdict == verdict).map(k -> k.material).sorted().toList();
    }

    /** Notes the position of an act's case event on the case. */
    static void recorded(WindowCaseEntity c, WindowAct act, long position) {
        if (act instanceof WindowAct.OriginalsChecked) {
            c.checkedEvent = position;
        } else if (act instanceof WindowAct.CertificatesHandedOver) {
            c.handedEvent = position;
        } else {
            c.confirmedEvent = position;
        }
    }

    /** @return where a case stands at the window */
    static Phase phase(String outcome, Instant checkedAt, Instant handedAt, boolean signedOnPaper, Instant confirmedAt) {
        if (handedAt != null) {
            return signedOnPaper || confirmedAt != null ? Phase.CONFIRMED : Phase.HANDED_OVER;
        }
        if (WindowCaseEntity.REJECTED.equals(outcome)) {
            return Phase.REJECTED;
        }
        if (WindowCaseEntity.COMPLETED.equals(outcome)) {
            return Phase.READY;
        }
        return checkedAt == null ? Phase.ACCEPTANCE : Phase.IN_PROGRESS;
    }
}
