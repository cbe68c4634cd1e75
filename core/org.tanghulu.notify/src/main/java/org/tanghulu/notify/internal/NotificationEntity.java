package org.tanghulu.notify.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;
import javax.persistence.Version;

import org.tanghulu.notify.Channel;
import org.tanghulu.notify.NotificationStatus;

/** A row of {@code notification}; see {@code db/notify}. */
@Entity
@Table(name = "notification")
public class NotificationEntity {

    @Id
    @SequenceGenerator(name = "notification_seq", sequenceName = "notification_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_seq")
    @Column(name = "id")
    Long id;

    @Column(name = "case_id", updatable = false)
    long caseId;

    @Column(name = "tracking_number", updatable = false)
    String trackingNumber;

    @Column(name = "event_id", updatable = false)
    long eventId;

    @Column(name = "event_type", updatable = false)
    String eventType;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", updatable = false)
    Channel channel;

    @Column(name = "recipient", updatable = false)
    String recipient;

    @Column(name = "subject", updatable = false)
    String subject;

    @Column(name = "body", updatable = false)
    String body;

    @Enumerated(EnumType.STRING)
    @Column(name = "status")
    NotificationStatus status;

    @Column(name = "attempts")
    int attempts;

    @Column(name = "last_error")
    String lastError;

    @Column(name = "created_at", updatable = false)
    Instant createdAt;

    @Column(name = "next_attempt_at")
    Instant nextAttemptAt;

    @Column(name = "sent_at")
    Instant sentAt;

    @Version
    @Column(name = "version")
    long version;
}
