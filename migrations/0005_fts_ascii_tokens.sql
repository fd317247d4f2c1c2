-- The full-text index now splits words at ASCII separators only (FTS5's
-- `ascii` tokenizer) and keeps no per-row sizes (columnsize = 0: nothing
-- ranks by bm25). Why: `unicode61 remove_diacritics 2` classified and folded
-- every character of every sentence again at ingest, work the folding had
-- already done, and was close to half of ingest's SQLite time.
--
-- For that, sentences.folded holds only words separated by single spaces
-- (tarikh::chronology::search_text: no punctuation in any script), and
-- search queries are folded the same way. Rows stored before this migration
-- kept their punctuation, which the Rust side re-folds once when it opens the
-- database and finds the task below (SQL cannot fold Persian and Arabic text).
DROP TABLE sentence_fts;
CREATE VIRTUAL TABLE sentence_fts USING fts5 (
    folded,
    content = 'sentences',
    content_rowid = 'id',
    tokenize = 'ascii',
    columnsize = 0
);

-- One-time data fix-ups that need Rust code, named by migrations and done
-- (then deleted) by Store::open.
CREATE TABLE store_tasks (
    name TEXT PRIMARY KEY
);
INSERT INTO store_tasks (name) SELECT 'refold_sentences' WHERE EXISTS (SELECT 1 FROM sentences);
