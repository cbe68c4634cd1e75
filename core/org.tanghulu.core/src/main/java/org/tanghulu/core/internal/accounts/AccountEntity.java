package org.tanghulu.core.internal.accounts;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;
import javax.persistence.Version;

/** A row of {@code account}; see {@code db/migration}. */
@Entity
@Table(name = "account")
public class AccountEntity {

    @Id
    @SequenceGenerator(name = "account_seq", sequenceName = "account_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_seq")
    @Column(name = "id")
    Long id;

    @Column(name = "username", updatable = false)
    String username;

    /** OpenBSD bcrypt ({@code $2y$12$...}); never the password. */
    @Column(name = "password_hash")
    String passwordHash;

    @Column(name = "name")
    String name;

    @Column(name = "email")
    String email;

    @Column(name = "mobile")
    String mobile;

    @Column(name = "created_at", updatable = false)
    Instant createdAt;

    @Version
    @Column(name = "version")
    long version;
}
