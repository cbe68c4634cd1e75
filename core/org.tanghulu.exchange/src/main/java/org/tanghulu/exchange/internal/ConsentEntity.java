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

import org.tanghulu.api.exchange.BaseRegistry;

/** A row of {@code exchange_consent}: an applicant's consent to one base-registry lookup, and its outcome. */
@Entity
@Table(name = "exchange_consent")
public class ConsentEntity {

    @Id
    @SequenceGenerator(name = "exchange_consent_seq", sequenceName = "exchange_consent_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "exchange_consent_seq")
    @Column(name = "id")
    Long id;

    @Column(name = "at", updatable = false)
    Instant at;

    @Column(name = "account_id", updatable = false)
    long account;

    @Enumerated(EnumType.STRING)
    @Column(name = "registry", updatable = false)
    BaseRegistry registry;

    @Column(name = "department")
    String department;

    @Column(name = "masked_key", updatable = false)
    String maskedKey;

    @Column(name = "purpose", updatable = false)
    String purpose;

    @Column(name = "outcome")
    String outcome;
}
