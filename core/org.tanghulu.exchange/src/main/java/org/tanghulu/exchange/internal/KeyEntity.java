package org.tanghulu.exchange.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** The one row of {@code exchange_key}: the platform's SM2 key pair. */
@Entity
@Table(name = "exchange_key")
public class KeyEntity {

    static final int ID = 1;

    @Id
    @Column(name = "id")
    int id;

    @Column(name = "private_key", updatable = false)
    String privateKey;

    @Column(name = "public_key", updatable = false)
    String publicKey;

    @Column(name = "created_at", updatable = false)
    Instant createdAt;
}
