-- org.tanghulu.catalog V2: the version a function group runs at while extensions of other bundles apply to it
-- (base version * 1000 + n), the same on every node that sees the same extensions.
CREATE TABLE group_edition (
    group_id     VARCHAR(64)   NOT NULL,
    base_version INTEGER       NOT NULL,
    extensions   VARCHAR(2000) NOT NULL,
    version      INTEGER       NOT NULL,
    first_seen   TIMESTAMP     NOT NULL,
    PRIMARY KEY (group_id, base_version, extensions),
    CONSTRAINT group_edition_version UNIQUE (group_id, version)
);
