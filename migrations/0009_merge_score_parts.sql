-- Every merge records its score as the parts it was summed from
-- (src/chronology/merge.rs, Score): JSON {"people","orgs","places","countries",
-- "event","tokens","token_overlap","total"}, and what it matched: the event's
-- primary statement or most of its first sources ({"support": "primary"} or
-- {"support": "sources", "matched": 3, "of": 4}). `score` keeps the total.
ALTER TABLE merges ADD COLUMN parts TEXT NOT NULL DEFAULT '{}';
