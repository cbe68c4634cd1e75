-- Cases, their tasks and their append-only event log. Portable between H2 and PostgreSQL:
-- JSON documents are kept as long VARCHARs, ids come from sequences.

CREATE SEQUENCE case_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE task_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE event_seq START WITH 1 INCREMENT BY 1;

-- A function group's flow chart as it was when its first case started: running cases keep it.
CREATE TABLE group_version (
    group_id     VARCHAR(64)      NOT NULL,
    version      INTEGER          NOT NULL,
    chart        VARCHAR(1000000) NOT NULL,
    first_used   TIMESTAMP        NOT NULL,
    PRIMARY KEY (group_id, version)
);

CREATE TABLE case_record (
    id              BIGINT           NOT NULL PRIMARY KEY,
    tracking_number VARCHAR(32)      NOT NULL UNIQUE,
    submission_key  VARCHAR(100)     NOT NULL UNIQUE,
    submission_hash VARCHAR(64)      NOT NULL,
    group_id        VARCHAR(64)      NOT NULL,
    group_version   INTEGER          NOT NULL,
    applicant_type  VARCHAR(32)      NOT NULL,
    applicant_name  VARCHAR(200)     NOT NULL,
    contact_phone   VARCHAR(40),
    contact_email   VARCHAR(200),
    state           VARCHAR(16)      NOT NULL,
    data_values     VARCHAR(1000000) NOT NULL,
    materials       VARCHAR(20000)   NOT NULL,
    submitted_at    TIMESTAMP        NOT NULL,
    closed_at       TIMESTAMP,
    version         BIGINT           NOT NULL,
    FOREIGN KEY (group_id, group_version) REFERENCES group_version (group_id, version)
);

CREATE TABLE task (
    id                BIGINT         NOT NULL PRIMARY KEY,
    case_id           BIGINT         NOT NULL REFERENCES case_record (id),
    department        VARCHAR(64)    NOT NULL,
    matter            VARCHAR(64)    NOT NULL,
    state             VARCHAR(16)    NOT NULL,
    assignee          VARCHAR(100),
    created_at        TIMESTAMP      NOT NULL,
    promised_due      DATE           NOT NULL,
    statutory_due     DATE           NOT NULL,
    paused_since      DATE,
    paused_days       INTEGER        NOT NULL,
    message           VARCHAR(4000),
    correction_fields VARCHAR(4000),
    outputs           VARCHAR(100000),
    decided_at        TIMESTAMP,
    version           BIGINT         NOT NULL,
    UNIQUE (case_id, department, matter)
);
CREATE INDEX task_work_list ON task (department, state, promised_due);
CREATE INDEX task_case ON task (case_id);

-- Append-only: the engine inserts events and never updates or deletes them.
CREATE TABLE case_event (
    id           BIGINT          NOT NULL PRIMARY KEY,
    case_id      BIGINT          NOT NULL REFERENCES case_record (id),
    task_id      BIGINT,
    happened_at  TIMESTAMP       NOT NULL,
    actor        VARCHAR(100)    NOT NULL,
    type         VARCHAR(40)     NOT NULL,
    before_state VARCHAR(16),
    after_state  VARCHAR(16),
    detail       VARCHAR(100000)
);
CREATE INDEX case_event_case ON case_event (case_id, id);

-- Secrets the platform makes for itself on first use (the key that signs applicants' access keys).
CREATE TABLE platform_secret (
    name   VARCHAR(64)  NOT NULL PRIMARY KEY,
    secret VARCHAR(200) NOT NULL
);
