package org.tanghulu.catalog.internal.store;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

import org.tanghulu.catalog.DepartmentState;

/** A row of {@code department}; see {@code db/migration}. */
@Entity
@Table(name = "department")
public class DepartmentEntity {

    @Id
    @Column(name = "id")
    String id;

    @Column(name = "name_zh")
    String nameZh;

    @Column(name = "name_en")
    String nameEn;

    @Enumerated(EnumType.STRING)
    @Column(name = "state")
    DepartmentState state;

    /** One problem a line. */
    @Column(name = "problems")
    String problems;

    @Column(name = "bundle")
    String bundle;

    @Column(name = "first_seen")
    Instant firstSeen;

    @Column(name = "last_changed")
    Instant lastChanged;

    @Version
    @Column(name = "version")
    long version;
}
