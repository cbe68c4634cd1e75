package org.tanghulu.notify.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** The one row of {@code notification_cursor}: every event up to {@link #lastEventId} has been relayed. */
@Entity
@Table(name = "notification_cursor")
public class CursorEntity {

    /** The only row's id. */
    static final int ID = 1;

    @Id
    @Column(name = "id")
    int id;

    @Column(name = "last_event_id")
    long lastEventId;
}
