-- org.tanghulu.exchange V5: applicants' consents to base-registry lookups (once-only reuse). Portable between H2
-- and PostgreSQL. Written before the registry is asked; the outcome after. The key is kept masked only.
CREATE SEQUENCE exchange_consent_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE exchange_consent (
    id          BIGINT        NOT NULL PRIMARY KEY,
    at          TIMESTAMP     NOT NULL,
    account_id  BIGINT        NOT NULL,
    registry    VARCHAR(20)   NOT NULL,
    department  VARCHAR(64),
    masked_key  VARCHAR(40)   NOT NULL,
    purpose     VARCHAR(200)  NOT NULL,
    outcome     VARCHAR(20)   NOT NULL
);
CREATE INDEX exchange_consent_account ON exchange_consent (account_id, at);
