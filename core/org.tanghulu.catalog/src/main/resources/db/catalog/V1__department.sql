-- org.tanghulu.catalog V1 (the core's V1 before the split; see CatalogDatabase for databases that have it).
-- Every department the platform has seen, with its last known state.
CREATE TABLE department (
    id           VARCHAR(64)   NOT NULL PRIMARY KEY,
    name_zh      VARCHAR(200),
    name_en      VARCHAR(200),
    state        VARCHAR(16)   NOT NULL,
    problems     VARCHAR(8000),
    bundle       VARCHAR(255),
    first_seen   TIMESTAMP     NOT NULL,
    last_changed TIMESTAMP     NOT NULL,
    version      BIGINT        NOT NULL
);
