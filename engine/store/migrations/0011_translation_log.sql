-- The translation log: every translation the studio served (Translate page, batch jobs, the HTTP endpoint),
-- with the model, time, source, output and its scores; and the monitor's settings.
CREATE SEQUENCE translation_log_id_seq START 1;
CREATE TABLE translation_log (
    id          BIGINT PRIMARY KEY DEFAULT nextval('translation_log_id_seq'),
    created_at  TIMESTAMP NOT NULL,
    origin      VARCHAR NOT NULL CHECK (origin IN ('translate', 'batch', 'endpoint')),
    model       VARCHAR NOT NULL,             -- the policy model version that translated
    rm          VARCHAR,                      -- the reward model that scored the output (NULL: none)
    pair        VARCHAR NOT NULL,
    source      VARCHAR NOT NULL,
    output      VARCHAR NOT NULL,             -- what was served (the reward model's best candidate)
    reward      DOUBLE,                       -- the reward model's score of the output (NULL: no reward model)
    qe          DOUBLE,                       -- COMET-QE / CometKiwi score of the output (NULL: none configured)
    qe_model    VARCHAR,
    degenerate  BOOLEAN NOT NULL,             -- the output fails the output checks (engine.metrics.checks)
    flags       VARCHAR NOT NULL DEFAULT '',  -- the checks that failed, comma-separated
    request_id  VARCHAR,                      -- the translation request holding the candidates (when stored)
    run_id      VARCHAR,                      -- batch: the translate_batch run
    line        INTEGER                       -- batch: the source's line in the upload
);
CREATE INDEX translation_log_model_time ON translation_log (model, created_at);

-- Log entries sampled into a review queue (insert-only: one row per sampled entry).
CREATE TABLE translation_log_reviews (
    log_id      BIGINT PRIMARY KEY,
    queue_id    INTEGER NOT NULL,
    item_id     INTEGER NOT NULL,
    request_id  VARCHAR NOT NULL,
    sampled_at  TIMESTAMP NOT NULL
);

-- The monitor's settings (review sampling rate, QE model, baseline and window), one JSON value per key.
CREATE TABLE monitor_settings (
    key         VARCHAR PRIMARY KEY,
    value       VARCHAR NOT NULL
);
