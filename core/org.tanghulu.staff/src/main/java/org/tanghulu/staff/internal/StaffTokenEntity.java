package org.tanghulu.staff.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of {@code staff_token}; see {@code db/migration}. */
@Entity
@Table(name = "staff_token")
public class StaffTokenEntity {

    /** SHA-256 of the token, hex; never the token. */
    @Id
    @Column(name = "token_hash")
    String tokenHash;

    @Column(name = "user_name", updatable = false)
    String user;

    /** JSON array of department ids. */
    @Column(name = "departments", updatable = false)
    String departments;

    @Column(name = "supervisor", updatable = false)
    boolean supervisor;

    @Column(name = "issued_at", updatable = false)
    Instant issuedAt;

    @Column(name = "last_used_at")
    Instant lastUsedAt;

    @Column(name = "expires_at", updatable = false)
    Instant expiresAt;
}
