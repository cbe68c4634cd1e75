package org.tanghulu.core.internal.cases;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;
import javax.persistence.Version;

import org.tanghulu.core.cases.TaskState;

/** A row of {@code task}; see {@code db/migration}. */
@Entity
@Table(name = "task")
public class TaskEntity {

    @Id
    @SequenceGenerator(name = "task_seq", sequenceName = "task_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "task_seq")
    @Column(name = "id")
    Long id;

    /** Eager: the engine reads entity fields directly, which a lazy proxy would leave empty. */
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "case_id")
    CaseEntity caseRecord;

    @Column(name = "department")
    String department;

    @Column(name = "matter")
    String matter;

    @Enumerated(EnumType.STRING)
    @Column(name = "state")
    TaskState state;

    @Column(name = "assignee")
    String assignee;

    @Column(name = "created_at")
    Instant createdAt;

    @Column(name = "promised_due")
    LocalDate promisedDue;

    @Column(name = "statutory_due")
    LocalDate statutoryDue;

    @Column(name = "paused_since")
    LocalDate pausedSince;

    @Column(name = "paused_days")
    int pausedDays;

    @Column(name = "message")
    String message;

    /** JSON array of data-element ids. */
    @Column(name = "correction_fields")
    String correctionFields;

    /** JSON object of output values. */
    @Column(name = "outputs")
    String outputs;

    /** JSON array of material ids a correction request asks for. */
    @Column(name = "correction_materials")
    String correctionMaterials;

    /** JSON array of the changed fields that sent this approved task back for review, until decided again. */
    @Column(name = "review_fields")
    String reviewFields;

    @Column(name = "rating_level")
    Integer ratingLevel;

    @Column(name = "rating_comment")
    String ratingComment;

    @Column(name = "rated_at")
    Instant ratedAt;

    @Column(name = "decided_at")
    Instant decidedAt;

    @Version
    @Column(name = "version")
    long version;
}
