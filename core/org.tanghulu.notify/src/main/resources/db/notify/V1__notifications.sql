-- org.tanghulu.notify V1 (the core's V4 before the split, without its foreign keys to the core's
-- case_record and case_event: databases made before the split keep those two, which do no harm, as
-- cases and events are never deleted; see NotifyDatabase). What applicants are told, by e-mail and
-- SMS. Rows are made by the notification relay from the case event log (the log is the outbox): one
-- row per event and channel, then delivered.

CREATE SEQUENCE notification_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE notification (
    id              BIGINT        NOT NULL PRIMARY KEY,
    case_id         BIGINT        NOT NULL,
    event_id        BIGINT        NOT NULL,
    event_type      VARCHAR(40)   NOT NULL,
    channel         VARCHAR(8)    NOT NULL,
    recipient       VARCHAR(200)  NOT NULL,
    subject         VARCHAR(400)  NOT NULL,
    body            VARCHAR(8000) NOT NULL,
    status          VARCHAR(8)    NOT NULL,
    attempts        INTEGER       NOT NULL,
    last_error      VARCHAR(2000),
    created_at      TIMESTAMP     NOT NULL,
    next_attempt_at TIMESTAMP     NOT NULL,
    sent_at         TIMESTAMP,
    version         BIGINT        NOT NULL,
    UNIQUE (event_id, channel)
);
CREATE INDEX notification_due ON notification (status, next_attempt_at);
CREATE INDEX notification_case ON notification (case_id, id);

-- One row: every event up to last_event_id has been turned into notifications. Starts at the
-- events already there, so that an upgraded platform does not write to applicants about old cases.
CREATE TABLE notification_cursor (
    id            INTEGER NOT NULL PRIMARY KEY,
    last_event_id BIGINT  NOT NULL
);
INSERT INTO notification_cursor (id, last_event_id) SELECT 1, COALESCE(MAX(id), 0) FROM case_event;
