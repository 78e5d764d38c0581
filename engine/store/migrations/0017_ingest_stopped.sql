-- When the studio stopped reading a run's events.jsonl (an output of it could not be loaded and failed the run), as
-- Unix seconds: the lines its process writes after that are not read until the run is launched again, so a late
-- "succeeded" of that process no longer ends the failed run, or the resumed one.
ALTER TABLE run_ingest ADD COLUMN stopped_at DOUBLE;
