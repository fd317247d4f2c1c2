-- Finding the events that contain a date (to merge "9 January" into "early
-- January") scans events that start before it and end after it. Only events
-- longer than one day can contain another date, and they are few, so a
-- partial index over them keeps that scan short however many single-day
-- events the chronology holds.
CREATE INDEX events_multiday ON events (first_day, last_day) WHERE last_day > first_day;
