package org.tanghulu.core.internal.cases;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

/** A row of {@code case_event}: inserted, never changed. */
@Entity
@Table(name = "case_event")
public class EventEntity {

    @Id
    @SequenceGenerator(name = "event_seq", sequenceName = "event_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "event_seq")
    @Column(name = "id", updatable = false)
    Long id;

    @Column(name = "case_id", updatable = false)
    long caseId;

    @Column(name = "task_id", updatable = false)
    Long taskId;

    @Column(name = "happened_at", updatable = false)
    Instant at;

    @Column(name = "actor", updatable = false)
    String actor;

    @Column(name = "type", updatable = false)
    String type;

    @Column(name = "before_state", updatable = false)
    String before;

    @Column(name = "after_state", updatable = false)
    String after;

    @Column(name = "detail", updatable = false)
    String detail;

    /** The typed event's own fields as a JSON object; {@code null} for events older than the typed API. */
    @Column(name = "payload", updatable = false)
    String payload;
}
