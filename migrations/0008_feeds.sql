-- Feeds that `tarikh follow` (and `serve --follow`) polls, and what it
-- remembers between polls: the validators of the last full answer (sent back
-- as If-None-Match / If-Modified-Since, so an unchanged feed costs a 304),
-- when it was polled and with what result, how many polls in a row failed
-- (the exponent of the backoff) and when it may be polled again. Times are
-- RFC 3339 UTC.
CREATE TABLE feeds (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    etag TEXT,
    last_modified TEXT,
    last_poll_at TEXT,
    last_status INTEGER,
    last_error TEXT,
    failures INTEGER NOT NULL DEFAULT 0,
    next_poll_at TEXT,
    items_stored INTEGER NOT NULL DEFAULT 0
);

-- A poll skips items already stored by their guid or link before fetching
-- their pages (the content hash catches the rest at ingest).
CREATE INDEX documents_external_id ON documents(external_id) WHERE external_id IS NOT NULL;
CREATE INDEX documents_url ON documents(url) WHERE url IS NOT NULL;
