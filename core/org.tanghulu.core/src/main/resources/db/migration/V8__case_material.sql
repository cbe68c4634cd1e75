-- Materials a case waits for (issue 14): a minor material (容缺) the applicant committed to supply
-- within a deadline of working days, or an atStep material asked when its matter's step starts.
-- One row per case and material; supplied_at set when the applicant supplies it; reminded_at when
-- the reminder before the deadline was written (once, by whichever node claimed the row).
CREATE TABLE case_material (
    id           BIGINT        NOT NULL PRIMARY KEY,
    case_id      BIGINT        NOT NULL REFERENCES case_record (id),
    material_id  VARCHAR(64)   NOT NULL,
    kind         VARCHAR(16)   NOT NULL,
    matter       VARCHAR(130)  NOT NULL,
    due_date     DATE,
    created_at   TIMESTAMP     NOT NULL,
    supplied_at  TIMESTAMP,
    reminded_at  TIMESTAMP,
    version      BIGINT        NOT NULL,
    UNIQUE (case_id, material_id)
);
CREATE SEQUENCE case_material_seq START WITH 1 INCREMENT BY 1;
CREATE INDEX case_material_open ON case_material (supplied_at, due_date);
