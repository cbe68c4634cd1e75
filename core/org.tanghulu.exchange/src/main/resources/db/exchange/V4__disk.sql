-- org.tanghulu.exchange V4: offline media (DISK, 离线介质). Portable between H2 and PostgreSQL.

-- A DISK link (transport DISK, url 'disk:') carries the department's SM2 public key (uncompressed
-- point, hex): the key its result files must be signed with. Every node reads it from here.
ALTER TABLE exchange_link ADD COLUMN public_key VARCHAR(200);

-- One row per exported batch file: its id (in the file's header), department, when, how many tasks.
CREATE TABLE exchange_disk_batch (
    batch_id    VARCHAR(40)  NOT NULL PRIMARY KEY,
    department  VARCHAR(64)  NOT NULL,
    created_at  TIMESTAMP    NOT NULL,
    task_count  INTEGER      NOT NULL
);

-- The tasks of each batch: a task exported again (--again) is in more than one batch. A result is
-- accepted only for a task exported to its department.
CREATE TABLE exchange_disk_batch_task (
    batch_id    VARCHAR(40)  NOT NULL,
    task_id     BIGINT       NOT NULL,
    PRIMARY KEY (batch_id, task_id)
);
CREATE INDEX exchange_disk_batch_task_task ON exchange_disk_batch_task (task_id);

-- One row per result file imported (refused files included): what it decided, repeated and refused.
CREATE SEQUENCE exchange_disk_import_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE exchange_disk_import (
    id          BIGINT        NOT NULL PRIMARY KEY,
    at          TIMESTAMP     NOT NULL,
    department  VARCHAR(64)   NOT NULL,
    digest      CHAR(64)      NOT NULL,
    decided     INTEGER       NOT NULL,
    duplicates  INTEGER       NOT NULL,
    refused     INTEGER       NOT NULL,
    outcome     VARCHAR(1000) NOT NULL
);
