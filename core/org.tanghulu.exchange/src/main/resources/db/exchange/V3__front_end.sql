-- org.tanghulu.exchange V3: store and forward through the departments' front-end processors (前置机).
-- Portable between H2 and PostgreSQL.

-- A link's transport: HTTP (a DIRECT system at url, HMAC secret), QUEUE (a front-end processor behind a
-- RabbitMQ broker at the AMQP url, secret its password) or TABLES (a front-end processor's
-- exchange tables at the JDBC url, secret the database password, possibly empty); result_cursor is
-- the last of the front-end processor's results the platform has read.
ALTER TABLE exchange_link ADD COLUMN transport VARCHAR(16) DEFAULT 'HTTP' NOT NULL;
ALTER TABLE exchange_link ADD COLUMN result_cursor BIGINT DEFAULT 0 NOT NULL;

-- A task's mode: DIRECT or FRONT_END. A FRONT_END task QUEUED here is the outbox: it stays until the
-- front-end processor has taken it, however long that is down.
ALTER TABLE exchange_task ADD COLUMN mode VARCHAR(16) DEFAULT 'DIRECT' NOT NULL;
CREATE INDEX exchange_task_mode_due ON exchange_task (mode, department, state, next_at);

-- Results the platform could not use (not JSON, an unknown task, another department's task, a second
-- decision, a decision the case engine refused): parked with the reason, for the console to list and
-- send back (resend) once the cause is mended. state: PARKED or RESENT.
CREATE SEQUENCE exchange_parked_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE exchange_parked (
    id          BIGINT        NOT NULL PRIMARY KEY,
    at          TIMESTAMP     NOT NULL,
    department  VARCHAR(64)   NOT NULL,
    message_id  VARCHAR(200)  NOT NULL,
    body        VARCHAR(100000) NOT NULL,
    reason      VARCHAR(1000) NOT NULL,
    state       VARCHAR(16)   NOT NULL
);
CREATE UNIQUE INDEX exchange_parked_message ON exchange_parked (department, message_id);
