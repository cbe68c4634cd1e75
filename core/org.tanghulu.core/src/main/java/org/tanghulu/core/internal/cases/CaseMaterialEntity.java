package org.tanghulu.core.internal.cases;

import java.time.Instant;
import java.time.LocalDate;

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

import org.tanghulu.core.cases.MaterialWait;

/** A row of {@code case_material} (migration V8): a material a case waits for. */
@Entity
@Table(name = "case_material")
public class CaseMaterialEntity {

    @Id
    @SequenceGenerator(name = "case_material_seq", sequenceName = "case_material_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_material_seq")
    @Column(name = "id")
    Long id;

    @Column(name = "case_id")
    long caseId;

    @Column(name = "material_id")
    String materialId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind")
    MaterialWait.Kind kind;

    /** The first matter ({@code department/matter}) that needs it. */
    @Column(name = "matter")
    String matter;

    @Column(name = "due_date")
    LocalDate dueDate;

    @Column(name = "created_at")
    Instant createdAt;

    @Column(name = "supplied_at")
    Instant suppliedAt;

    @Column(name = "reminded_at")
    Instant remindedAt;

    @Version
    @Column(name = "version")
    long version;
}
