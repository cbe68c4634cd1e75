package org.tanghulu.exchange.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

import org.tanghulu.exchange.LinkStatus;
import org.tanghulu.exchange.LinkStatus.Breaker;

/** A row of {@code exchange_link}: a department's system, its secret and its circuit breaker. */
@Entity
@Table(name = "exchange_link")
public class LinkEntity {

    /** A DIRECT system: {@code url} is where it takes requests, {@code secret} the HMAC secret. */
    static final String HTTP = LinkStatus.HTTP;
    /** A front-end processor's exchange tables: {@code url} is their JDBC URL, {@code secret} the password. */
    static final String TABLES = LinkStatus.TABLES;
    /** A front-end processor behind a RabbitMQ broker: {@code url} is the AMQP URI, {@code secret} the password. */
    static final String QUEUE = LinkStatus.QUEUE;
    /**
     * Offline media only: {@code url} is {@code disk:}. A department on offline media has its SM2 key in
     * {@code publicKey}, whatever its transport (its system may answer lookups over HTTP as well).
     */
    static final String DISK = LinkStatus.DISK;

    @Id
    @Column(name = "department")
    String department;

    @Column(name = "url")
    String url;

    @Column(name = "secret")
    String secret;

    /** {@link #HTTP}, {@link #TABLES}, {@link #QUEUE} or {@link #DISK}. */
    @Column(name = "transport")
    String transport = HTTP;

    /** For {@link #TABLES}: the last front-end result read. */
    @Column(name = "result_cursor")
    long resultCursor;

    /** For {@link #DISK}: the department's SM2 public key (uncompressed point, hex). */
    @Column(name = "public_key")
    String publicKey;

    @Column(name = "breaker")
    String breaker;

    @Column(name = "failures")
    int failures;

    @Column(name = "opened_at")
    Instant openedAt;

    @Column(name = "last_success_at")
    Instant lastSuccessAt;

    @Column(name = "last_failure_at")
    Instant lastFailureAt;

    @Column(name = "last_failure")
    String lastFailure;

    @Version
    @Column(name = "version")
    long version;

    /** What the breaker lets a task do now. */
    enum Gate {
        /** Send it. */
        CALL,
        /** Wait: another task probes the system. */
        WAIT,
        /** The breaker is open: the desk takes it. */
        DESK
    }

    /**
     * The breaker's decision for one task, moving OPEN to HALF_OPEN once {@code openFor} has passed (this
     * task is the probe); a probe not heard of within {@code probeFor} is taken as lost.
     */
    Gate gate(Instant now, Duration openFor, Duration probeFor) {
        switch (Breaker.valueOf(breaker)) {
            case OPEN:
                if (now.isBefore(openedAt.plus(openFor))) {
                    return Gate.DESK;
                }
                breaker = Breaker.HALF_OPEN.name();
                openedAt = now;
                return Gate.CALL;
            case HALF_OPEN:
                if (now.isBefore(openedAt.plus(probeFor))) {
                    return Gate.WAIT;
                }
                openedAt = now;
                return Gate.CALL;
            default:
                return Gate.CALL;
        }
    }

    void succeeded(Instant now) {
        breaker = Breaker.CLOSED.name();
        failures = 0;
        lastSuccessAt = now;
    }

    /** Counts a failure; opens the breaker at {@code threshold} failures in a row, or when a probe fails. */
    void failed(Instant now, String why, int threshold) {
        failures++;
        lastFailureAt = now;
        lastFailure = why.length() > 1000 ? why.substring(0, 1000) : why;
        if (Breaker.valueOf(breaker) == Breaker.HALF_OPEN || failures >= threshold) {
            breaker = Breaker.OPEN.name();
            openedAt = now;
        }
    }

    boolean open() {
        return Breaker.valueOf(breaker) == Breaker.OPEN;
    }

    LinkStatus view(List<String> matters, long queued, int parked, long waiting) {
        return new LinkStatus(department, url, transport, Breaker.valueOf(breaker), failures, openedAt, lastSuccessAt, lastFailureAt,
                lastFailure, matters, queued, parked, waiting, publicKey == null ? null : publicKey.substring(0, 16) + "...");
    }
}
