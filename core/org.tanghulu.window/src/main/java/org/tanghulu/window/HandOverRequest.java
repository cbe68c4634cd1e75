package org.tanghulu.window;

/**
 * What the clerk records handing the certificates over.
 *
 * @param recipient the name of the person who takes them (the applicant or an agent); required
 * @param idNumber the recipient's identity document number; required, 6 to 30 letters and digits
 * @param signedOnPaper whether the recipient signed the paper receipt (签字确认) at the window
 */
public record HandOverRequest(String recipient, String idNumber, boolean signedOnPaper) {
}
