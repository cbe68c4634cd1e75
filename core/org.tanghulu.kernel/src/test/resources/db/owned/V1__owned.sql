-- A bundle's V1 for OwnTablesTest: two tables.
CREATE TABLE owned_a (id BIGINT NOT NULL PRIMARY KEY, n INTEGER NOT NULL);
CREATE TABLE owned_b (id BIGINT NOT NULL PRIMARY KEY);
