package org.tanghulu.exchange.internal;

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

import org.tanghulu.exchange.DossierEntry;

/** A row of {@code dossier_entry}; written once, never updated. */
@Entity
@Table(name = "dossier_entry")
public class DossierEntryEntity {

    @Id
    @SequenceGenerator(name = "dossier_entry_seq", sequenceName = "dossier_entry_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dossier_entry_seq")
    @Column(name = "id")
    Long id;

    @Column(name = "tracking_number", updatable = false)
    String trackingNumber;

    @Column(name = "sequence_no", updatable = false)
    int sequence;

    @Column(name = "event_position", updatable = false)
    Long eventPosition;

    @Column(name = "message_key", updatable = false)
    String messageKey;

    @Column(name = "recorded_at", updatable = false)
    Instant at;

    @Column(name = "mode", updatable = false)
    String mode;

    @Enumerated(EnumType.STRING)
    @Column(name = "direction", updatable = false)
    DossierEntry.Direction direction;

    @Column(name = "department", updatable = false)
    String department;

    @Column(name = "kind", updatable = false)
    String kind;

    @Column(name = "payload", updatable = false)
    String payload;

    @Column(name = "hash", updatable = false)
    String hash;

    DossierEntry view() {
        return new DossierEntry(sequence, at, mode, direction, department, kind, payload, hash);
    }
}
