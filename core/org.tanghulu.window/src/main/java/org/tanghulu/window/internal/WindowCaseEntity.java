package org.tanghulu.window.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A row of {@code window_case}; see {@code db/window}. */
@Entity
@Table(name = "window_case")
public class WindowCaseEntity {

    static final String COMPLETED = "COMPLETED";
    static final String REJECTED = "REJECTED";

    @Id
    @Column(name = "tracking_number")
    String trackingNumber;

    @Column(name = "case_id", updatable = false)
    long caseId;

    @Column(name = "group_id", updatable = false)
    String group;

    @Column(name = "applicant_name", updatable = false)
    String applicantName;

    @Column(name = "submitted_at", updatable = false)
    Instant submittedAt;

    @Column(name = "closed_at")
    Instant closedAt;

    /** {@link #COMPLETED}, {@link #REJECTED} or {@code null} while open. */
    @Column(name = "outcome")
    String outcome;

    @Column(name = "checked_at")
    Instant checkedAt;

    @Column(name = "checked_by")
    String checkedBy;

    @Column(name = "receipt_number")
    String receiptNumber;

    @Column(name = "recipient")
    String recipient;

    @Column(name = "id_number")
    String idNumber;

    @Column(name = "handed_at")
    Instant handedAt;

    @Column(name = "handed_by")
    String handedBy;

    @Column(name = "signed_on_paper")
    boolean signedOnPaper;

    @Column(name = "confirmed_at")
    Instant confirmedAt;

    /** The positions of the acts' case events; {@code null} while still to be recorded ({@link WindowActLog}). */
    @Column(name = "checked_event")
    Long checkedEvent;

    @Column(name = "handed_event")
    Long handedEvent;

    @Column(name = "confirmed_event")
    Long confirmedEvent;

    @Version
    @Column(name = "version")
    long version;
}
