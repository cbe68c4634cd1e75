package org.tanghulu.exchange.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

/** A row of {@code exchange_disk_import}: a department's result file imported or refused, and what it did. */
@Entity
@Table(name = "exchange_disk_import")
public class DiskImportEntity {

    @Id
    @SequenceGenerator(name = "exchange_disk_import_seq", sequenceName = "exchange_disk_import_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "exchange_disk_import_seq")
    @Column(name = "id")
    Long id;

    @Column(name = "at")
    Instant at;

    @Column(name = "department")
    String department;

    /** SHA-256 of the file, hex. */
    @Column(name = "digest")
    String digest;

    @Column(name = "decided")
    int decided;

    @Column(name = "duplicates")
    int duplicates;

    @Column(name = "refused")
    int refused;

    /** The summary, or why the whole file was refused. */
    @Column(name = "outcome")
    String outcome;
}
