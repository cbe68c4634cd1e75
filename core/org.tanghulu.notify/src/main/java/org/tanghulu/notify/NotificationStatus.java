package org.tanghulu.notify;

/** Where a notification is on its way to the applicant. */
public enum NotificationStatus {
    /** not delivered yet: waiting for its first attempt, a retry, or a configured channel */
    PENDING,
    /** handed to the mail server or SMS gateway */
    SENT,
    /** given up after the last attempt; {@link NotificationView#lastError()} says why */
    FAILED
}
