-- The chronology store: documents, the date mentions found in them, their
-- sentences, the unified events those dates support, and why sources merged.
--
-- Conventions (why): every column that names a day holds a full ISO day
-- 'YYYY-MM-DD' (CHECKed), inclusive on both ends, because SQLite's date
-- functions silently misread '2022' or '2022-01'. The original TIMEX3-style
-- value ('2022-01', '2022-01-09/2022-01-10', '2021-W50') is kept beside it in
-- `value` with its `grain`, so no precision is lost. Offsets are Unicode code
-- points (what the extractor reports and what JavaScript/Python index by after
-- decoding), never bytes.

-- One row per distinct article text. The sha256 of the text is UNIQUE so
-- ingesting the same article twice is a no-op (idempotence).
CREATE TABLE documents (
    id            INTEGER PRIMARY KEY,
    content_hash  TEXT    NOT NULL UNIQUE,            -- sha256 hex of `text`
    external_id   TEXT,                               -- the `id` field of a JSONL line, if any
    title         TEXT,
    source        TEXT,
    url           TEXT,
    lang          TEXT    CHECK (lang IN ('fa', 'ar', 'en', 'ur')),
    -- The document creation time that relative dates were resolved against:
    -- 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM'. `dct_day` is its day (for date math).
    dct           TEXT,
    dct_day       TEXT    CHECK (dct_day IS NULL OR dct_day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    -- Where the DCT came from: passed in by the caller, read from a dateline
    -- at the top of the text, or unknown (relative dates then stay unresolved).
    dct_source    TEXT    NOT NULL CHECK (dct_source IN ('given', 'dateline', 'none')),
    -- The day a dateline names, even when a DCT was given: lets SQL find
    -- documents whose dateline disagrees with their metadata.
    dateline_day  TEXT    CHECK (dateline_day IS NULL OR dateline_day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    published_at  TEXT,                               -- as supplied, not reinterpreted
    ingested_at   TEXT    NOT NULL,                   -- UTC, ISO 8601
    text          TEXT    NOT NULL
);

-- Sentences of each document. Stored for every sentence (not only dated ones)
-- so full-text search finds context too. `folded` is the text normalized like
-- the extractor's matcher (Arabic/Persian letter variants, digits, harakat,
-- tatweel, ZWNJ, the Arabic article) and is what the FTS index holds.
CREATE TABLE sentences (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,                     -- 0-based position in the document
    span_start  INTEGER NOT NULL,                     -- code points into documents.text
    span_end    INTEGER NOT NULL,
    text        TEXT    NOT NULL,                     -- trimmed original
    folded      TEXT    NOT NULL,
    -- Space-separated gazetteer ids found in the sentence ('place:geneva
    -- org:nato event:talks'): what cross-source merging compares, queryable here.
    entities    TEXT    NOT NULL DEFAULT '',
    UNIQUE (document_id, ordinal)
);

-- Every date expression the extractor found, resolved or not. Durations and
-- unresolved mentions are kept here (with NULL days) but never become events.
CREATE TABLE mentions (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal      INTEGER NOT NULL,                    -- index in the extractor's result list
    sentence_id  INTEGER REFERENCES sentences(id) ON DELETE CASCADE,
    span_start   INTEGER NOT NULL,                    -- code points into documents.text
    span_end     INTEGER NOT NULL,
    text         TEXT    NOT NULL,
    value        TEXT    NOT NULL,                    -- TIMEX3-style Gregorian value
    first_day    TEXT    CHECK (first_day IS NULL OR first_day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    last_day     TEXT    CHECK (last_day  IS NULL OR last_day  GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    grain        TEXT    NOT NULL,                    -- day|month|year|decade|week|datetime|interval|duration
    mod          TEXT,                                -- START|MID|END|BEFORE|AFTER|APPROX
    calendar     TEXT    NOT NULL,                    -- gregorian|persian|hijri: as written
    lang         TEXT    NOT NULL,
    anchor       TEXT,                                -- dct|year-inferred|weekday|relative
    pair_ordinal INTEGER,                             -- ordinal of the other-calendar twin
    conflict     TEXT,                                -- JSON ["v1","v2"] when twins disagree
    UNIQUE (document_id, ordinal)
);

-- Unified events: a dated statement, possibly supported by many documents.
-- The date is the most precise one among its sources. Calendar labels and the
-- Solar Hijri / Hijri (Umm al-Qura) fields of first_day are computed at write
-- time so plain SQL ("events in Dey 1400") needs no calendar functions.
CREATE TABLE events (
    id              INTEGER PRIMARY KEY,
    first_day       TEXT    NOT NULL CHECK (first_day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    last_day        TEXT    NOT NULL CHECK (last_day  GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    value           TEXT    NOT NULL,
    grain           TEXT    NOT NULL CHECK (grain <> 'duration'),
    mod             TEXT,
    title           TEXT    NOT NULL,                 -- the first supporting sentence, trimmed
    title_lang      TEXT,
    persian_year    INTEGER,
    persian_month   INTEGER,
    persian_day     INTEGER,
    hijri_year      INTEGER,
    hijri_month     INTEGER,
    hijri_day       INTEGER,
    gregorian_label TEXT,                             -- '9–10 January 2022'
    persian_label   TEXT,                             -- '۱۹–۲۰ دی ۱۴۰۰'
    hijri_label     TEXT,                             -- '٦–٧ جمادى الآخرة ١٤٤٣'
    -- Denormalized from evidence (distinct documents, their languages) so the
    -- timeline pages without a join; maintained in the ingest transaction.
    n_sources       INTEGER NOT NULL DEFAULT 0,
    langs           TEXT    NOT NULL DEFAULT '',      -- comma-separated, sorted
    created_at      TEXT    NOT NULL,
    CHECK (first_day <= last_day)
);

-- Keyset paging over the chronology: WHERE (first_day, last_day, id) > (?, ?, ?).
CREATE INDEX events_keyset ON events (first_day, last_day, id);
CREATE INDEX events_last_day ON events (last_day);
CREATE INDEX events_persian ON events (persian_year, persian_month);
CREATE INDEX events_hijri ON events (hijri_year, hijri_month);

-- Which mention (in which sentence of which document) supports which event.
-- A document contributes one event per distinct date, so the two halves of a
-- pair or a repeated date are several evidence rows of one event; exactly one
-- of them per (event, document) is `is_primary`, the one the API shows.
CREATE TABLE evidence (
    id          INTEGER PRIMARY KEY,
    event_id    INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    mention_id  INTEGER NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
    sentence_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
    expr_start  INTEGER NOT NULL,                     -- code points into sentences.text
    expr_end    INTEGER NOT NULL,
    is_primary  INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
    UNIQUE (event_id, mention_id)
);
CREATE INDEX evidence_event ON evidence (event_id, document_id);
CREATE INDEX evidence_document ON evidence (document_id);
CREATE INDEX evidence_mention ON evidence (mention_id);
CREATE INDEX mentions_document ON mentions (document_id);
CREATE INDEX mentions_days ON mentions (first_day, last_day);

-- Why a document's candidate event joined an existing event from other
-- documents: the shared gazetteer entities and event-type words, the
-- normalized-token overlap (Jaccard), the rule that fired, and the date
-- change if the merged event took a more precise date.
CREATE TABLE merges (
    id           INTEGER PRIMARY KEY,
    event_id     INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    mention_id   INTEGER REFERENCES mentions(id) ON DELETE CASCADE,
    rule         TEXT    NOT NULL,                    -- 'entities+type' | 'entities' | 'tokens'
    entities     TEXT    NOT NULL DEFAULT '[]',       -- JSON array of shared gazetteer ids
    overlap      REAL    NOT NULL,                    -- Jaccard of normalized tokens, 0..1
    score        REAL    NOT NULL,
    reason       TEXT    NOT NULL,                    -- one readable line
    value_before TEXT    NOT NULL,                    -- event value before the merge
    value_after  TEXT    NOT NULL,                    -- after (differs when refined)
    created_at   TEXT    NOT NULL
);
CREATE INDEX merges_event ON merges (event_id);

-- Full-text search over sentences, on the folded text (external content: the
-- text lives once, in sentences). Queries must be folded the same way
-- (tarikh::chronology::fold) so 'ناتو' finds 'الناتو' and ي/ی do not matter.
CREATE VIRTUAL TABLE sentence_fts USING fts5 (
    folded,
    content = 'sentences',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
    INSERT INTO sentence_fts (rowid, folded) VALUES (new.id, new.folded);
END;
CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
    INSERT INTO sentence_fts (sentence_fts, rowid, folded) VALUES ('delete', old.id, old.folded);
END;

-- One row per event in chronological order, for people who inspect with SQL.
CREATE VIEW timeline AS
SELECT e.id              AS event_id,
       e.first_day,
       e.last_day,
       e.value,
       e.grain,
       e.mod,
       e.title,
       e.gregorian_label AS gregorian,
       e.persian_label   AS persian,
       e.hijri_label     AS hijri,
       e.n_sources,
       e.langs
FROM events e
ORDER BY e.first_day, e.last_day, e.id;

-- Every mention with its document, sentence and (if any) the event it supports.
CREATE VIEW mention_detail AS
SELECT m.id           AS mention_id,
       m.document_id,
       d.title        AS document_title,
       d.source,
       d.lang         AS document_lang,
       d.dct,
       m.ordinal,
       m.span_start,
       m.span_end,
       m.text,
       m.value,
       m.first_day,
       m.last_day,
       m.grain,
       m.mod,
       m.calendar,
       m.lang,
       m.anchor,
       m.pair_ordinal,
       m.conflict,
       m.sentence_id,
       s.text         AS sentence,
       v.event_id
FROM mentions m
JOIN documents d ON d.id = m.document_id
LEFT JOIN sentences s ON s.id = m.sentence_id
LEFT JOIN evidence v ON v.mention_id = m.id;
