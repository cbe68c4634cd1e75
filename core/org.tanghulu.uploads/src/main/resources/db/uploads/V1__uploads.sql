-- org.tanghulu.uploads V1: the applicants' uploaded material files. Portable between H2 and PostgreSQL:
-- BYTEA is PostgreSQL's byte string and an alias of H2's BINARY VARYING (up to 1 GB on both).

-- One file's description. A draft upload has no tracking number yet; binding sets it (once).
CREATE TABLE upload (
    id              CHAR(36)      NOT NULL PRIMARY KEY,
    owner_id        BIGINT        NOT NULL,
    group_id        VARCHAR(100)  NOT NULL,
    submission_key  VARCHAR(100)  NOT NULL,
    tracking_number VARCHAR(64),
    material        VARCHAR(100)  NOT NULL,
    file_name       VARCHAR(255)  NOT NULL,
    file_type       VARCHAR(10)   NOT NULL,
    size_bytes      BIGINT        NOT NULL,
    sha256          CHAR(64)      NOT NULL,
    uploaded_by     VARCHAR(200)  NOT NULL,
    uploaded_at     TIMESTAMP     NOT NULL
);
CREATE INDEX upload_draft ON upload (owner_id, group_id, tracking_number);
CREATE INDEX upload_case ON upload (tracking_number);

-- The bytes, apart, so that lists never read them.
CREATE TABLE upload_content (
    id    CHAR(36) NOT NULL PRIMARY KEY REFERENCES upload (id) ON DELETE CASCADE,
    bytes BYTEA    NOT NULL
);
