-- Syndicated copies: one agency's story republished by several outlets is
-- one source, not five. Each document keeps a MinHash signature of its folded
-- four-word shingles (src/syndication.rs: 64 little-endian u32, NULL for
-- texts too short to judge) and, when it is a copy, the original it copies
-- (the earliest stored document it is at least 0.8 similar to, followed to
-- that document's own original) with the estimated similarity. A copy still
-- supports the events its sentences speak of (evidence, merges), but joining
-- an event does not add to `events.n_sources`.
ALTER TABLE documents ADD COLUMN minhash BLOB;
ALTER TABLE documents ADD COLUMN copy_of INTEGER REFERENCES documents(id);
ALTER TABLE documents ADD COLUMN copy_similarity REAL;
CREATE INDEX documents_copy_of ON documents(copy_of) WHERE copy_of IS NOT NULL;

-- Locality-sensitive hashing over the signatures: one row per band of four
-- values (sixteen per document), so the documents a new one may copy are
-- found by index lookups rather than by comparing every stored signature.
CREATE TABLE document_bands (
    band INTEGER NOT NULL,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    PRIMARY KEY (band, document_id)
) WITHOUT ROWID;

-- Documents stored before this migration get their signature and bands from
-- the Rust side at the next open; they are not marked as copies after the fact.
INSERT INTO store_tasks (name) SELECT 'document_signatures' WHERE EXISTS (SELECT 1 FROM documents);
