-- org.tanghulu.window V1: the comprehensive window (综合窗口). One row per case the window knows of,
-- made from the case event log (SUBMITTED) and moved on by it (COMPLETED / REJECTED); the clerk's
-- check of originals per material; the hand-over (一窗出件) and the applicant's confirmation.

CREATE TABLE window_case (
    tracking_number VARCHAR(64)   NOT NULL PRIMARY KEY,
    case_id         BIGINT        NOT NULL,
    group_id        VARCHAR(64)   NOT NULL,
    applicant_name  VARCHAR(400)  NOT NULL,
    submitted_at    TIMESTAMP     NOT NULL,
    closed_at       TIMESTAMP,
    outcome         VARCHAR(16),
    checked_at      TIMESTAMP,
    checked_by      VARCHAR(200),
    receipt_number  VARCHAR(40)   UNIQUE,
    recipient       VARCHAR(200),
    id_number       VARCHAR(40),
    handed_at       TIMESTAMP,
    handed_by       VARCHAR(200),
    signed_on_paper BOOLEAN       NOT NULL,
    confirmed_at    TIMESTAMP,
    version         BIGINT        NOT NULL
);
CREATE INDEX window_case_open ON window_case (outcome, submitted_at);

CREATE TABLE window_check (
    tracking_number VARCHAR(64)   NOT NULL,
    material        VARCHAR(128)  NOT NULL,
    verdict         VARCHAR(16)   NOT NULL,
    reason          VARCHAR(500),
    PRIMARY KEY (tracking_number, material)
);

-- One row: every event up to last_event_id has been read. Starts at the events already there.
CREATE TABLE window_cursor (
    id            INTEGER NOT NULL PRIMARY KEY,
    last_event_id BIGINT  NOT NULL
);
INSERT INTO window_cursor (id, last_event_id) SELECT 1, COALESCE(MAX(id), 0) FROM case_event;
