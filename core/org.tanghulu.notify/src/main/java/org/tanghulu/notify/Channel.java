package org.tanghulu.notify;

/** How an applicant is reached. */
public enum Channel {
    /** to the case's contact e-mail address, through SMTP */
    EMAIL,
    /** to the case's contact phone number, through the SMS gateway */
    SMS
}
