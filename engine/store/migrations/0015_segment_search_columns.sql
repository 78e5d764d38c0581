-- The lower-cased sides a corpus search matches (see 0010). A workspace made while 0010 kept one lower-cased
-- `search_text` column instead — 0010 was edited after it shipped — has neither column, and every search and every
-- new corpus failed ("Referenced column source_lower not found"). Elsewhere both exist and this changes nothing
-- (the update only touches rows whose copies are missing).
ALTER TABLE segments ADD COLUMN IF NOT EXISTS source_lower VARCHAR;
ALTER TABLE segments ADD COLUMN IF NOT EXISTS target_lower VARCHAR;
UPDATE segments SET source_lower = nullif(lower(source), source), target_lower = nullif(lower(target), target)
WHERE source_lower IS NULL AND target_lower IS NULL AND (lower(source) <> source OR lower(target) <> target);
