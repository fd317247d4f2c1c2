-- From here on, `sentences` (and so `sentence_fts`) holds only the sentences
-- that contain a date mention: the statements events are made of, which
-- mentions and evidence point to. Why: undated sentences were three quarters
-- of the sentence rows and of the words the full-text index tokenizes, and
-- more than half of ingest's SQLite time, while the timeline's search only
-- ever looks at sentences that support an event. A stored sentence keeps its
-- position in the document as `ordinal` (so ordinals have gaps), and the
-- document keeps its whole text. Sentences stored before this migration stay.
--
-- What a whole document speaks of, undated sentences included: every
-- gazetteer id found in it, sorted and space-separated like
-- sentences.entities ('org:nato place:geneva'). Documents stored before this
-- migration get theirs from the Rust side at the next open (task below).
ALTER TABLE documents ADD COLUMN entities TEXT NOT NULL DEFAULT '';
INSERT INTO store_tasks (name) SELECT 'document_entities' WHERE EXISTS (SELECT 1 FROM documents);

-- UNIQUE (document_id, ordinal) already indexes mentions by document; this
-- second index only cost a write per mention.
DROP INDEX mentions_document;
