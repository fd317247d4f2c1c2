-- The DCT checked against the text (src/chronology/dct.rs): when the lead
-- says what weekday "today" is (`اليوم الاثنين`) and the given date is another
-- weekday, the DCT used (`dct`, `dct_day`) is the latest day before the given
-- one with that weekday: a crawl date is "on or shortly after" the writing.
-- Then this column holds the given DCT; NULL when the given DCT was used.
ALTER TABLE documents ADD COLUMN dct_given TEXT;
