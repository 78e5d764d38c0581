-- How each run's events.jsonl has been read: enough to notice a truncated or replaced file, and what was skipped.
CREATE TABLE run_ingest (
    run_id       VARCHAR PRIMARY KEY,
    file_id      VARCHAR,                    -- "device:inode" of the events.jsonl read so far
    head_digest  VARCHAR,                    -- digest of its first line
    tail_start   BIGINT,                     -- the last line read spans [tail_start, runs.events_offset)
    tail_digest  VARCHAR,
    seq_base     BIGINT NOT NULL DEFAULT 0,  -- added to the file's seq; raised at each reset so stored rows stay
    max_seq      BIGINT NOT NULL DEFAULT 0,  -- the highest seq stored for the run
    bad_lines    BIGINT NOT NULL DEFAULT 0,  -- distinct corrupt lines skipped
    duplicates   BIGINT NOT NULL DEFAULT 0,  -- events skipped because the same content was already ingested
    resets       INTEGER NOT NULL DEFAULT 0, -- times the file was found truncated, replaced or removed
    notes        VARCHAR NOT NULL DEFAULT '' -- what ingestion saw, one line per finding, newest last
);

-- The content digest (all but seq) of every event ingested, so that a re-read file adds only what is new.
CREATE TABLE run_event_digests (
    run_id  VARCHAR NOT NULL,
    digest  VARCHAR NOT NULL,
    PRIMARY KEY (run_id, digest)
);
