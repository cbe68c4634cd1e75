package org.tanghulu.exchange.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A row of {@code dossier_head}: a case's chain length, last hash and their SM2 signature. */
@Entity
@Table(name = "dossier_head")
public class DossierHeadEntity {

    @Id
    @Column(name = "tracking_number")
    String trackingNumber;

    @Column(name = "entries")
    int entries;

    @Column(name = "hash")
    String hash;

    @Column(name = "signature")
    String signature;

    @Version
    @Column(name = "version")
    long version;
}
