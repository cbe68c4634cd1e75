-- The typed payload of each case event (org.tanghulu.core.cases.events), as JSON: what the
-- event's kind carries beyond the case's own columns. NULL for events written before; readers
-- rebuild those from the case's tables as far as they can.
ALTER TABLE case_event ADD COLUMN payload VARCHAR(1000000);
