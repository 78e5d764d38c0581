-- Model comparison: test sets, evaluations of model versions on them (the cache, keyed by model × test set ×
-- decoding settings), each output's per-sentence metric values, and blind A/B judgements.
CREATE TABLE eval_testsets (
    id          VARCHAR PRIMARY KEY,       -- content hash of the (source, reference, pair) rows, in order
    name        VARCHAR NOT NULL,
    origin      VARCHAR NOT NULL CHECK (origin IN ('corpus', 'upload')),
    size        INTEGER NOT NULL,
    details     VARCHAR NOT NULL DEFAULT '{}',
    created_at  TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE eval_segments (
    testset_id  VARCHAR NOT NULL,
    idx         INTEGER NOT NULL,          -- position in the test set: outputs and scores join on it
    source      VARCHAR NOT NULL,
    reference   VARCHAR,
    pair        VARCHAR NOT NULL,
    corpus_id   INTEGER,
    seg_id      INTEGER,
    PRIMARY KEY (testset_id, idx)
);

CREATE TABLE evaluations (
    key             VARCHAR PRIMARY KEY,   -- hash of model (name, path, weights) × test set × decoding settings
    model           VARCHAR NOT NULL,
    model_path      VARCHAR NOT NULL,
    testset_id      VARCHAR NOT NULL,
    decoding        VARCHAR NOT NULL,      -- JSON: strategy, beams, best-of-n, reward model, max new tokens
    decoding_label  VARCHAR NOT NULL,
    run_id          VARCHAR,               -- the run that translated
    scored_by       VARCHAR,               -- the last run that added metric values
    metrics         VARCHAR NOT NULL DEFAULT '{}',  -- JSON: metric -> what computed it (model, normalisation)
    settings        VARCHAR NOT NULL DEFAULT '{}',  -- JSON: the evaluate run's config
    created_at      TIMESTAMP NOT NULL DEFAULT current_timestamp,
    updated_at      TIMESTAMP
);

CREATE TABLE eval_outputs (
    eval_key     VARCHAR NOT NULL,
    idx          INTEGER NOT NULL,
    output       VARCHAR NOT NULL,
    strategy     VARCHAR NOT NULL DEFAULT '',   -- which decoding produced the kept output (best-of-n)
    n_candidates INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (eval_key, idx)
);

CREATE TABLE eval_scores (
    eval_key  VARCHAR NOT NULL,
    idx       INTEGER NOT NULL,
    metric    VARCHAR NOT NULL,
    value     DOUBLE,
    PRIMARY KEY (eval_key, idx, metric)
);

CREATE SEQUENCE ab_judgement_id_seq START 1;

CREATE TABLE ab_judgements (
    id          BIGINT PRIMARY KEY DEFAULT nextval('ab_judgement_id_seq'),
    testset_id  VARCHAR NOT NULL,
    idx         INTEGER NOT NULL,
    linguist    VARCHAR NOT NULL,
    role        VARCHAR NOT NULL DEFAULT 'linguist' CHECK (role IN ('linguist', 'lead')),
    left_eval   VARCHAR NOT NULL,          -- the evaluation shown first, as "A"
    right_eval  VARCHAR NOT NULL,          -- the evaluation shown second, as "B"
    choice      VARCHAR NOT NULL CHECK (choice IN ('left', 'right', 'tie')),
    winner      VARCHAR,                   -- the evaluation judged better; NULL for a tie
    created_at  TIMESTAMP NOT NULL DEFAULT current_timestamp
);
