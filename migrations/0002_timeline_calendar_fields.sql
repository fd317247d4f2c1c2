-- The timeline view gains the stored Solar Hijri and Hijri fields of each
-- event's first day, so "events in Dey 1400" or "in Jumada al-Akhirah 1443"
-- is a plain WHERE on the view, without joining events back in.
DROP VIEW timeline;
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
       e.langs,
       e.persian_year,
       e.persian_month,
       e.persian_day,
       e.hijri_year,
       e.hijri_month,
       e.hijri_day
FROM events e
ORDER BY e.first_day, e.last_day, e.id;
