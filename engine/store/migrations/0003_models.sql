-- The model registry: every policy and reward model the studio knows, with its lineage.
CREATE TABLE models (
    name        VARCHAR PRIMARY KEY,
    kind        VARCHAR NOT NULL CHECK (kind IN ('policy', 'reward', 'reward-base')),
    stage       VARCHAR NOT NULL DEFAULT 'candidate'
                CHECK (stage IN ('sft', 'cold-start', 'final', 'production', 'candidate', 'archived')),
    path        VARCHAR NOT NULL,
    parent      VARCHAR,
    run_id      VARCHAR,
    created_at  TIMESTAMP NOT NULL DEFAULT current_timestamp,
    metadata    VARCHAR NOT NULL DEFAULT '{}'
);
