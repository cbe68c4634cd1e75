package org.tanghulu.exchange.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

/** A row of {@code exchange_incident}: a callback the platform refused; written once. */
@Entity
@Table(name = "exchange_incident")
public class IncidentEntity {

    @Id
    @SequenceGenerator(name = "exchange_incident_seq", sequenceName = "exchange_incident_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "exchange_incident_seq")
    @Column(name = "id")
    Long id;

    @Column(name = "at", updatable = false)
    Instant at;

    @Column(name = "department", updatable = false)
    String department;

    @Column(name = "task_id", updatable = false)
    Long task;

    @Column(name = "status", updatable = false)
    int status;

    @Column(name = "reason", updatable = false)
    String reason;
}
