package org.tanghulu.exchange.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

/** A row of {@code exchange_parked}: a front-end result the platform could not use, kept to be sent back. */
@Entity
@Table(name = "exchange_parked")
public class ParkedEntity {

    @Id
    @SequenceGenerator(name = "exchange_parked_seq", sequenceName = "exchange_parked_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "exchange_parked_seq")
    @Column(name = "id")
    Long id;

    @Column(name = "at")
    Instant at;

    @Column(name = "department", updatable = false)
    String department;

    @Column(name = "message_id", updatable = false)
    String messageId;

    @Column(name = "body", updatable = false)
    String body;

    @Column(name = "reason")
    String reason;

    /** PARKED, or RESENT once the console sent it back and it was used. */
    @Column(name = "state")
    String state;
}
