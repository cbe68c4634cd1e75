-- One merged correction request per case and ratings per department step (issue 14, items 4 and 5).
-- The open correction request of a case is the set of its tasks in state CORRECTION: each names the
-- fields (correction_fields) and now the materials it asks for; the applicant answers them at once.
ALTER TABLE task ADD COLUMN correction_materials VARCHAR(4000);
-- An approved task sent back for review because a correction answer changed data its matter used:
-- the changed fields (JSON array), kept until the task is decided again.
ALTER TABLE task ADD COLUMN review_fields VARCHAR(4000);
-- The applicant's rating (好差评) of this department step, given once after the task was decided.
ALTER TABLE task ADD COLUMN rating_level INTEGER;
ALTER TABLE task ADD COLUMN rating_comment VARCHAR(500);
ALTER TABLE task ADD COLUMN rated_at TIMESTAMP;
CREATE INDEX task_rating ON task (department, rating_level);
