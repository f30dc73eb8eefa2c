-- Frozen copy of archive schema step 2 as released (step 1, then step 2's statements). Never edit: the migration
-- test builds old archives from it.
CREATE TABLE conversation (
    id INTEGER PRIMARY KEY,
    account TEXT NOT NULL,
    peer TEXT NOT NULL,
    unread INTEGER NOT NULL DEFAULT 0,
    last_activity INTEGER NOT NULL,
    UNIQUE (account, peer));
--
CREATE TABLE message (
    id INTEGER PRIMARY KEY,
    conversation_id INTEGER NOT NULL REFERENCES conversation(id) ON DELETE CASCADE,
    local_id TEXT NOT NULL,
    direction TEXT NOT NULL CHECK (direction IN ('INCOMING', 'OUTGOING')),
    sender TEXT,
    body TEXT NOT NULL,
    sent_at INTEGER NOT NULL,
    state TEXT NOT NULL,
    failure TEXT,
    origin_id TEXT,
    stanza_id TEXT,
    UNIQUE (conversation_id, local_id));
--
CREATE INDEX message_by_time ON message (conversation_id, sent_at, id);
--
CREATE INDEX message_by_stanza_id ON message (conversation_id, stanza_id) WHERE stanza_id IS NOT NULL;
--
CREATE INDEX message_by_origin_id ON message (conversation_id, origin_id) WHERE origin_id IS NOT NULL;
--
CREATE VIRTUAL TABLE message_text USING fts5(
    body, content='message', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
--
CREATE TRIGGER message_text_insert AFTER INSERT ON message BEGIN
    INSERT INTO message_text (rowid, body) VALUES (new.id, new.body);
END;
--
CREATE TRIGGER message_text_delete AFTER DELETE ON message BEGIN
    INSERT INTO message_text (message_text, rowid, body) VALUES ('delete', old.id, old.body);
END;
--
CREATE TRIGGER message_text_update AFTER UPDATE OF body ON message BEGIN
    INSERT INTO message_text (message_text, rowid, body) VALUES ('delete', old.id, old.body);
    INSERT INTO message_text (rowid, body) VALUES (new.id, new.body);
END;
--
ALTER TABLE message ADD COLUMN transport TEXT NOT NULL DEFAULT 'PLAINTEXT';
--
ALTER TABLE message ADD COLUMN authenticated INTEGER NOT NULL DEFAULT 0;
--
ALTER TABLE message ADD COLUMN corrects TEXT;
--
ALTER TABLE message ADD COLUMN retracted INTEGER NOT NULL DEFAULT 0;
--
CREATE INDEX message_by_corrects ON message (conversation_id, corrects) WHERE corrects IS NOT NULL;
--
CREATE TABLE account (
    jid TEXT PRIMARY KEY,
    host TEXT,
    port INTEGER,
    direct_tls INTEGER NOT NULL DEFAULT 0,
    remembered INTEGER NOT NULL DEFAULT 0,
    last_login INTEGER);
--
CREATE TABLE roster_item (
    account TEXT NOT NULL,
    jid TEXT NOT NULL,
    name TEXT,
    groups TEXT NOT NULL DEFAULT '[]',
    subscription TEXT NOT NULL,
    PRIMARY KEY (account, jid));
--
CREATE TABLE pinned_certificate (
    account TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL,
    pinned_at INTEGER NOT NULL);
--
CREATE TABLE setting (
    scope TEXT NOT NULL,
    name TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (scope, name));
--
CREATE TABLE sync_state (
    account TEXT NOT NULL,
    archive TEXT NOT NULL,
    last_stanza_id TEXT,
    last_time INTEGER,
    complete INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (account, archive));
--
CREATE TABLE sync_gap (
    id INTEGER PRIMARY KEY,
    account TEXT NOT NULL,
    archive TEXT NOT NULL,
    after_stanza_id TEXT,
    before_stanza_id TEXT,
    found_at INTEGER NOT NULL);
