-- org.tanghulu.exchange V2: direct coupling with the departments' systems. Portable between H2 and
-- PostgreSQL. Everything another node needs is here: links and their secrets, breaker state, the
-- tasks under way, the refused callbacks.

-- Dossier messages that are no case event (a request sent, a system's answer, a callback) carry a
-- message_key instead, unique, so that a message seen twice (a replay, a crash, two nodes) is
-- recorded once.
ALTER TABLE dossier_entry ALTER COLUMN event_position DROP NOT NULL;
ALTER TABLE dossier_entry ADD COLUMN message_key VARCHAR(200);
CREATE UNIQUE INDEX dossier_entry_message_key ON dossier_entry (message_key);

-- One row per department whose system is linked: where to send, the HMAC secret both sides sign
-- with (never shown), and the circuit breaker: CLOSED, OPEN since opened_at, or HALF_OPEN while
-- one probe is under way.
CREATE TABLE exchange_link (
    department      VARCHAR(64)   NOT NULL PRIMARY KEY,
    url             VARCHAR(1000) NOT NULL,
    secret          VARCHAR(200)  NOT NULL,
    breaker         VARCHAR(16)   NOT NULL,
    failures        INTEGER       NOT NULL,
    opened_at       TIMESTAMP,
    last_success_at TIMESTAMP,
    last_failure_at TIMESTAMP,
    last_failure    VARCHAR(1000),
    version         BIGINT        NOT NULL
);

-- One row per task of a DIRECT matter: QUEUED (to send at next_at), WAITING (the system accepted
-- it and will call back), WAITING_CORRECTION (the system asked the applicant for a correction; sent
-- again once answered), DONE (decided by the system) or DESK (handed to the officers, reason says why). lease_until: the node sending it now; another node leaves it alone until then.
CREATE TABLE exchange_task (
    task_id         BIGINT         NOT NULL PRIMARY KEY,
    tracking_number VARCHAR(40)    NOT NULL,
    department      VARCHAR(64)    NOT NULL,
    matter          VARCHAR(200)   NOT NULL,
    state           VARCHAR(20)    NOT NULL,
    attempts        INTEGER        NOT NULL,
    next_at         TIMESTAMP      NOT NULL,
    lease_until     TIMESTAMP,
    updated_at      TIMESTAMP      NOT NULL,
    reason          VARCHAR(1000),
    version         BIGINT         NOT NULL
);
CREATE INDEX exchange_task_due ON exchange_task (state, next_at);

-- Callbacks refused (wrong signature, another department's task, a closed task, ...), for the console.
CREATE SEQUENCE exchange_incident_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE exchange_incident (
    id          BIGINT        NOT NULL PRIMARY KEY,
    at          TIMESTAMP     NOT NULL,
    department  VARCHAR(64)   NOT NULL,
    task_id     BIGINT,
    status      INTEGER       NOT NULL,
    reason      VARCHAR(1000) NOT NULL
);
