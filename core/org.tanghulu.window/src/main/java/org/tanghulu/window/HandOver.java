package org.tanghulu.window;

import java.time.Instant;

/**
 * The hand-over of a case's certificates (一窗出件) and its receipt (回执).
 *
 * @param receiptNumber the receipt's number, unique on the platform
 * @param recipient who took the certificates
 * @param idNumber the recipient's identity number, all but the last four characters masked
 * @param at when
 * @param clerk the clerk's login
 * @param signedOnPaper whether the recipient signed the paper receipt at the window
 * @param confirmedAt when the applicant confirmed receipt on the portal, or {@code null}
 */
public record HandOver(String receiptNumber, String recipient, String idNumber, Instant at, String clerk,
        boolean signedOnPaper, Instant confirmedAt) {

    /** @return whether receipt is confirmed, on paper or on the portal */
    public boolean confirmed() {
        return signedOnPaper || confirmedAt != null;
    }
}
