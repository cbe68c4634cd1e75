-- org.tanghulu.window V2: each act of the window is also an event of its case (Cases.recordWindowAct).
-- The position of the act's event once the case event log has it; NULL while it is still to be
-- recorded (the feed records it, idempotently, after a crash between the two commits). Acts
-- recorded before V2 are recorded as events by the feed's first rounds.
ALTER TABLE window_case ADD COLUMN checked_event BIGINT;
ALTER TABLE window_case ADD COLUMN handed_event BIGINT;
ALTER TABLE window_case ADD COLUMN confirmed_event BIGINT;
