-- Synthetic preferences: candidates from generate runs, their scores from score runs, and preference pairs.
CREATE TABLE candidates (
    run_id      VARCHAR NOT NULL,          -- the generate run
    cand_id     INTEGER NOT NULL,
    corpus_id   INTEGER,
    seg_id      INTEGER,
    pair        VARCHAR NOT NULL,
    split       VARCHAR NOT NULL,
    source      VARCHAR NOT NULL,
    reference   VARCHAR,
    prompt      VARCHAR NOT NULL,
    text        VARCHAR NOT NULL,
    strategy    VARCHAR NOT NULL,
    params      VARCHAR NOT NULL DEFAULT '{}',
    n_samples   INTEGER NOT NULL DEFAULT 1,
    strategies  VARCHAR NOT NULL DEFAULT '',
    PRIMARY KEY (run_id, cand_id)
);

CREATE TABLE candidate_scores (
    score_run_id VARCHAR NOT NULL,
    run_id       VARCHAR NOT NULL,         -- the generate run of the candidate
    cand_id      INTEGER NOT NULL,
    metric       VARCHAR NOT NULL,
    value        DOUBLE,
    PRIMARY KEY (score_run_id, cand_id, metric)
);

CREATE SEQUENCE pair_id_seq START 1;

CREATE TABLE preference_pairs (
    id               BIGINT PRIMARY KEY DEFAULT nextval('pair_id_seq'),
    origin           VARCHAR NOT NULL CHECK (origin IN ('synthetic', 'human')),
    run_id           VARCHAR,              -- the run that made the pair (a score run for synthetic pairs)
    gen_run_id       VARCHAR,
    group_key        VARCHAR NOT NULL,     -- the source the pair belongs to (splits never cross it)
    pair             VARCHAR NOT NULL,
    source           VARCHAR NOT NULL,
    prompt           VARCHAR NOT NULL,
    chosen           VARCHAR NOT NULL,
    rejected         VARCHAR NOT NULL,
    margin           DOUBLE NOT NULL,
    chosen_quality   DOUBLE,
    rejected_quality DOUBLE,
    chosen_cand      INTEGER,
    rejected_cand    INTEGER,
    split            VARCHAR NOT NULL CHECK (split IN ('train', 'valid')),
    strategy         VARCHAR NOT NULL DEFAULT '',
    scores           VARCHAR NOT NULL DEFAULT '{}',
    created_at       TIMESTAMP NOT NULL DEFAULT current_timestamp
);
