-- org.tanghulu.staff V1 (the core's V5 before the split; see StaffDatabase for databases that have it). Failed
-- logins, counted per account and per client address (one row each), and the staff API's
-- bearer tokens. Portable between H2 and PostgreSQL, like V2.

-- subject: '<audience>:name:<lower-cased name>' or '<audience>:address:<client address>', the audience
-- being 'staff' (desk and staff API) or 'applicant' (portal). A row is updated under a row lock
-- (SELECT ... FOR UPDATE), so concurrent failures are all counted.
CREATE TABLE login_failure (
    subject      VARCHAR(320) NOT NULL PRIMARY KEY,
    failures     INTEGER      NOT NULL,
    window_start TIMESTAMP    NOT NULL,
    locked_until TIMESTAMP
);

-- Only the SHA-256 of a token (hex) is kept; the token itself is known to its holder alone.
-- departments and supervisor are the roles at login: a role change applies from the next login.
CREATE TABLE staff_token (
    token_hash   CHAR(64)      NOT NULL PRIMARY KEY,
    user_name    VARCHAR(200)  NOT NULL,
    departments  VARCHAR(4000) NOT NULL,
    supervisor   BOOLEAN       NOT NULL,
    issued_at    TIMESTAMP     NOT NULL,
    last_used_at TIMESTAMP     NOT NULL,
    expires_at   TIMESTAMP     NOT NULL
);
CREATE INDEX staff_token_expires ON staff_token (expires_at);
CREATE INDEX staff_token_user ON staff_token (user_name);
