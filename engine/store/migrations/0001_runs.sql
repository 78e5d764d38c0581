-- Runs of jobs, their metrics and log lines. Files in each run folder are the source of truth;
-- these tables are what the studio ingests from them.
CREATE TABLE runs (
    id              VARCHAR PRIMARY KEY,
    kind            VARCHAR NOT NULL,
    title           VARCHAR NOT NULL DEFAULT '',
    status          VARCHAR NOT NULL DEFAULT 'queued'
                    CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
    config          VARCHAR NOT NULL,
    run_dir         VARCHAR NOT NULL,
    pid             INTEGER,
    created_at      TIMESTAMP NOT NULL DEFAULT current_timestamp,
    launched_at     TIMESTAMP,
    started_at      TIMESTAMP,
    finished_at     TIMESTAMP,
    heartbeat_at    TIMESTAMP,
    cancel_requested_at TIMESTAMP,
    events_offset   BIGINT NOT NULL DEFAULT 0,
    progress_done   DOUBLE,
    progress_total  DOUBLE,
    progress_unit   VARCHAR,
    eta_seconds     DOUBLE,
    message         VARCHAR,
    error           VARCHAR
);

CREATE TABLE run_metrics (
    run_id  VARCHAR NOT NULL,
    seq     BIGINT NOT NULL,
    step    BIGINT NOT NULL,
    key     VARCHAR NOT NULL,
    value   DOUBLE,
    time    TIMESTAMP NOT NULL,
    PRIMARY KEY (run_id, seq, key)
);

CREATE TABLE run_logs (
    run_id  VARCHAR NOT NULL,
    seq     BIGINT NOT NULL,
    time    TIMESTAMP NOT NULL,
    level   VARCHAR NOT NULL,
    message VARCHAR NOT NULL,
    PRIMARY KEY (run_id, seq)
);
