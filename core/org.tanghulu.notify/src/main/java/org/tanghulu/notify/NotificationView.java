package org.tanghulu.notify;

import java.time.Instant;

/**
 * One message to an applicant.
 *
 * @param id the notification's id
 * @param trackingNumber the case's tracking number
 * @param eventType the case event it tells of ({@code SUBMITTED}, {@code CORRECTION_REQUESTED},
 *        {@code COMPLETED}, {@code REJECTED})
 * @param channel how it is sent
 * @param recipient the address or number, masked: only the first letter of an e-mail's local
 *        part and the last four digits of a phone number are shown
 * @param subject the subject (for SMS, what the mail's subject would be)
 * @param status where it is
 * @param attempts how often sending was tried
 * @param lastError why the last attempt failed, or {@code null}
 * @param createdAt when it was made
 * @param sentAt when it was sent, or {@code null}
 */
public record NotificationView(long id, String trackingNumber, String eventType, Channel channel, String recipient,
        String subject, NotificationStatus status, int attempts, String lastError, Instant createdAt, Instant sentAt) {
}
