-- The case's tracking number on each notification, so that listing them needs no other bundle's
-- table. Rows made before V2 take it from the core's case_record once, here (the core's tables
-- exist: NotifyDatabase starts after the case event log).
ALTER TABLE notification ADD COLUMN tracking_number VARCHAR(40);
UPDATE notification SET tracking_number = (SELECT c.tracking_number FROM case_record c WHERE c.id = notification.case_id);
UPDATE notification SET tracking_number = '?' WHERE tracking_number IS NULL;
ALTER TABLE notification ALTER COLUMN tracking_number SET NOT NULL;
CREATE INDEX notification_tracking ON notification (tracking_number, id);
