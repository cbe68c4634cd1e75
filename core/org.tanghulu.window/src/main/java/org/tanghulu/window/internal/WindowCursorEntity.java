package org.tanghulu.window.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** The one row of {@code window_cursor}: every event up to {@link #lastEventId} has been read. */
@Entity
@Table(name = "window_cursor")
public class WindowCursorEntity {

    static final int ID = 1;

    @Id
    @Column(name = "id")
    int id;

    @Column(name = "last_event_id")
    long lastEventId;
}
