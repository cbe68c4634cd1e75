-- org.tanghulu.uploads V2: one row per draft (owner and group) or case that has had an upload. An upload locks
-- its owner's row (SELECT ... FOR UPDATE) before it counts the files, so that concurrent uploads, on any node,
-- pass the limits one after the other.
CREATE TABLE upload_lock (
    lock_key VARCHAR(200) NOT NULL PRIMARY KEY
);
