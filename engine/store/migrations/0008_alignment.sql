-- Human alignment: where a human preference pair came from, and pipelines of runs.
ALTER TABLE preference_pairs ADD COLUMN linguist VARCHAR;        -- human pairs: who judged
ALTER TABLE preference_pairs ADD COLUMN judgement_id BIGINT;     -- human pairs: the (first) judgement it came from
ALTER TABLE preference_pairs ADD COLUMN weight DOUBLE DEFAULT 1.0;  -- training weight (agreement weighting)

-- A pipeline runs other runs in order; each step is a normal run once it has started.
CREATE SEQUENCE pipeline_id_seq START 1;
CREATE TABLE pipelines (
    id           INTEGER PRIMARY KEY DEFAULT nextval('pipeline_id_seq'),
    name         VARCHAR NOT NULL,
    template     VARCHAR NOT NULL,             -- phase2 | phase3 | custom
    status       VARCHAR NOT NULL DEFAULT 'running'
                 CHECK (status IN ('running', 'succeeded', 'failed', 'cancelled')),
    created_at   TIMESTAMP NOT NULL,
    finished_at  TIMESTAMP,
    error        VARCHAR
);
CREATE TABLE pipeline_steps (
    pipeline_id  INTEGER NOT NULL,
    position     INTEGER NOT NULL,
    name         VARCHAR NOT NULL,             -- unique within the pipeline; later steps refer to it
    kind         VARCHAR NOT NULL,             -- a job kind
    config       VARCHAR NOT NULL,             -- JSON, with references to earlier steps' outputs
    depends_on   VARCHAR NOT NULL DEFAULT '[]',  -- JSON list of step names
    run_id       VARCHAR,                      -- the run of the step's newest attempt
    status       VARCHAR NOT NULL DEFAULT 'pending'
                 CHECK (status IN ('pending', 'running', 'succeeded', 'failed', 'cancelled')),
    error        VARCHAR,
    PRIMARY KEY (pipeline_id, position)
);
