-- org.tanghulu.exchange V1: each case's dossier of messages between the platform and the
-- departments, chained with SM3 (hash: after this entry) and signed at its head with SM2; the
-- platform's SM2 key; the cursor over the case event log. Portable between H2 and PostgreSQL.

CREATE SEQUENCE dossier_entry_seq START WITH 1 INCREMENT BY 1;

-- event_position: the case event the entry records; (event_position, kind) is unique, so that an
-- event read twice (after a crash, or by a second node) is recorded once.
CREATE TABLE dossier_entry (
    id              BIGINT         NOT NULL PRIMARY KEY,
    tracking_number VARCHAR(40)    NOT NULL,
    sequence_no     INTEGER        NOT NULL,
    event_position  BIGINT         NOT NULL,
    recorded_at     TIMESTAMP      NOT NULL,
    mode            VARCHAR(16)    NOT NULL,
    direction       VARCHAR(3)     NOT NULL,
    department      VARCHAR(64)    NOT NULL,
    kind            VARCHAR(40)    NOT NULL,
    payload         VARCHAR(16000) NOT NULL,
    hash            CHAR(64)       NOT NULL,
    UNIQUE (tracking_number, sequence_no),
    UNIQUE (event_position, kind)
);

-- The signed head: how many entries the case's chain has and its last hash, signed (DER, hex).
-- Locked (SELECT ... FOR UPDATE) while an entry is appended, so a case's chain grows one at a time.
CREATE TABLE dossier_head (
    tracking_number VARCHAR(40)  NOT NULL PRIMARY KEY,
    entries         INTEGER      NOT NULL,
    hash            CHAR(64)     NOT NULL,
    signature       VARCHAR(400) NOT NULL,
    version         BIGINT       NOT NULL
);

-- The platform's SM2 key pair (one row): every node signs with it; never shown.
CREATE TABLE exchange_key (
    id          INTEGER      NOT NULL PRIMARY KEY,
    private_key VARCHAR(100) NOT NULL,
    public_key  VARCHAR(200) NOT NULL,
    created_at  TIMESTAMP    NOT NULL
);

-- One row: every case event up to last_event_id is in the dossiers. Starts at 0: an upgraded
-- platform builds the dossiers of its earlier cases from their events.
CREATE TABLE exchange_cursor (
    id            INTEGER NOT NULL PRIMARY KEY,
    last_event_id BIGINT  NOT NULL
);
INSERT INTO exchange_cursor (id, last_event_id) VALUES (1, 0);
