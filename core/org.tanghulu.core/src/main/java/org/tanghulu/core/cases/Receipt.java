package org.tanghulu.core.cases;

/**
 * What the applicant gets back for a submission.
 *
 * @param trackingNumber the case's tracking number (业务编号)
 * @param accessKey the secret that, with the tracking number, lets the applicant read
 *        and answer the case; keep it
 * @param created {@code false} if the submission key had been used before and this is
 *        the earlier case
 */
public record Receipt(String trackingNumber, String accessKey, boolean created) {
}
