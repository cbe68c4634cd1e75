-- Applicants' accounts and drafts, the owner of a case, and ratings of closed cases (好差评).
-- Portable between H2 and PostgreSQL, like V2.

CREATE SEQUENCE account_seq START WITH 1 INCREMENT BY 1;

-- password_hash is an OpenBSD bcrypt string ($2y$12$...); the password itself is never stored.
CREATE TABLE account (
    id            BIGINT       NOT NULL PRIMARY KEY,
    username      VARCHAR(32)  NOT NULL,
    password_hash VARCHAR(60)  NOT NULL,
    name          VARCHAR(50)  NOT NULL,
    email         VARCHAR(200),
    mobile        VARCHAR(11),
    created_at    TIMESTAMP    NOT NULL,
    version       BIGINT       NOT NULL,
    CONSTRAINT account_username UNIQUE (username)
);

-- One draft of the unified form per account and function group, replaced on every save.
CREATE TABLE draft (
    account_id  BIGINT           NOT NULL REFERENCES account (id),
    group_id    VARCHAR(64)      NOT NULL,
    data_values VARCHAR(1000000) NOT NULL,
    materials   VARCHAR(20000)   NOT NULL,
    saved_at    TIMESTAMP        NOT NULL,
    version     BIGINT           NOT NULL,
    PRIMARY KEY (account_id, group_id)
);

-- The applicant's account; NULL for cases submitted over the JSON API without one.
ALTER TABLE case_record ADD COLUMN owner_id BIGINT REFERENCES account (id);
CREATE INDEX case_record_owner ON case_record (owner_id, submitted_at);

-- At most one rating per case (the primary key decides between concurrent ones).
CREATE TABLE case_rating (
    case_id  BIGINT       NOT NULL PRIMARY KEY REFERENCES case_record (id),
    level    INTEGER      NOT NULL CHECK (level BETWEEN 1 AND 5),
    comment  VARCHAR(500),
    rated_at TIMESTAMP    NOT NULL
);
