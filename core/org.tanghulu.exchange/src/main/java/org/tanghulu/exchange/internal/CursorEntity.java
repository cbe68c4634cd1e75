package org.tanghulu.exchange.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** The one row of {@code exchange_cursor}: every case event up to {@link #lastEventId} is in the dossiers. */
@Entity
@Table(name = "exchange_cursor")
public class CursorEntity {

    static final int ID = 1;

    @Id
    @Column(name = "id")
    int id;

    @Column(name = "last_event_id")
    long lastEventId;
}
