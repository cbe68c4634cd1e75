package org.tanghulu.exchange.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

import org.tanghulu.exchange.TaskExchange;

/** A row of {@code exchange_task}: a task of a DIRECT, FRONT_END or DISK matter on its way to the department's system. */
@Entity
@Table(name = "exchange_task")
public class TaskEntity {

    @Id
    @Column(name = "task_id")
    long task;

    @Column(name = "tracking_number")
    String trackingNumber;

    @Column(name = "department")
    String department;

    @Column(name = "matter")
    String matter;

    /** {@link Decider#MODE} (DIRECT), {@link FrontEndExchange#MODE} or {@link DiskExchange#MODE}. */
    @Column(name = "mode")
    String mode = Decider.MODE;

    @Enumerated(EnumType.STRING)
    @Column(name = "state")
    TaskExchange.State state;

    @Column(name = "attempts")
    int attempts;

    @Column(name = "next_at")
    Instant nextAt;

    @Column(name = "lease_until")
    Instant leaseUntil;

    @Column(name = "updated_at")
    Instant updatedAt;

    @Column(name = "reason")
    String reason;

    @Version
    @Column(name = "version")
    long version;

    TaskExchange view() {
        return new TaskExchange(task, trackingNumber, department, matter, state, attempts, updatedAt, reason);
    }
}
