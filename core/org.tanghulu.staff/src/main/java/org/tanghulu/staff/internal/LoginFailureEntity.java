package org.tanghulu.staff.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of {@code login_failure}; see {@code db/migration}. */
@Entity
@Table(name = "login_failure")
public class LoginFailureEntity {

    @Id
    @Column(name = "subject")
    String subject;

    @Column(name = "failures")
    int failures;

    @Column(name = "window_start")
    Instant windowStart;

    @Column(name = "locked_until")
    Instant lockedUntil;
}
