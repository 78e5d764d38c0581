-- Human feedback: linguists, translation requests with their ranked candidates, judgements, review queues.
CREATE TABLE linguists (
    name        VARCHAR PRIMARY KEY,
    created_at  TIMESTAMP NOT NULL
);

-- One interactive (or queue) translation: the source, the models, and how the candidates were sampled.
CREATE TABLE translation_requests (
    id          VARCHAR PRIMARY KEY,          -- a uuid made by the engine
    created_at  TIMESTAMP NOT NULL,
    linguist    VARCHAR,
    source      VARCHAR NOT NULL,
    pair        VARCHAR NOT NULL,             -- en-ar / fr-ar, as used (after any override)
    detected    VARCHAR,                      -- the detected source language (en, fr) or NULL
    model       VARCHAR NOT NULL,
    rm          VARCHAR,                      -- the reward model that ranked the candidates
    strategies  VARCHAR NOT NULL DEFAULT '[]',
    settings    VARCHAR NOT NULL DEFAULT '{}',
    generate_s  DOUBLE,
    score_s     DOUBLE,
    queue_id    INTEGER,
    item_id     INTEGER
);

-- The distinct candidates of a request in the reward model's order (position 0 = its best).
CREATE TABLE request_candidates (
    request_id  VARCHAR NOT NULL,
    position    INTEGER NOT NULL,
    text        VARCHAR NOT NULL,
    rm_score    DOUBLE,
    strategy    VARCHAR NOT NULL,
    strategies  VARCHAR NOT NULL DEFAULT '',
    n_samples   INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (request_id, position)
);

CREATE SEQUENCE judgement_id_seq START 1;

-- A linguist's judgement of the candidates shown to them. ``submission_id`` is made once per form by the
-- client: a double click or a retry carries the same id and is stored exactly once.
CREATE TABLE judgements (
    submission_id   VARCHAR PRIMARY KEY,
    id              BIGINT NOT NULL DEFAULT nextval('judgement_id_seq'),
    request_id      VARCHAR NOT NULL,
    linguist        VARCHAR NOT NULL,
    kind            VARCHAR NOT NULL CHECK (kind IN ('ranking', 'best', 'none', 'post_edit')),
    shown           VARCHAR NOT NULL,         -- JSON list of the candidate positions shown, in display order
    ranking         VARCHAR,                  -- JSON list of positions, best first (kind 'ranking')
    best            INTEGER,                  -- the position picked as best (also ranking[0])
    none_acceptable BOOLEAN NOT NULL DEFAULT false,
    correction      VARCHAR,                  -- a post-edited translation
    tags            VARCHAR NOT NULL DEFAULT '[]',
    comment         VARCHAR NOT NULL DEFAULT '',
    model           VARCHAR NOT NULL,
    rm              VARCHAR,
    queue_id        INTEGER,
    item_id         INTEGER,
    created_at      TIMESTAMP NOT NULL
);

CREATE SEQUENCE review_queue_id_seq START 1;

-- A lead's review assignment: the sources of a corpus split, each to be judged by k linguists.
CREATE TABLE review_queues (
    id          INTEGER PRIMARY KEY DEFAULT nextval('review_queue_id_seq'),
    name        VARCHAR NOT NULL UNIQUE,
    corpus_ids  VARCHAR NOT NULL,             -- JSON list
    split       VARCHAR NOT NULL,
    k           INTEGER NOT NULL CHECK (k >= 1),
    model       VARCHAR NOT NULL,
    rm          VARCHAR,
    strategies  VARCHAR NOT NULL DEFAULT '[]',
    settings    VARCHAR NOT NULL DEFAULT '{}',
    linguists   VARCHAR NOT NULL DEFAULT '[]', -- JSON list of the linguists assigned (empty: anyone)
    created_by  VARCHAR NOT NULL,
    created_at  TIMESTAMP NOT NULL
);

CREATE TABLE review_items (
    queue_id    INTEGER NOT NULL,
    item_id     INTEGER NOT NULL,
    corpus_id   INTEGER NOT NULL,
    seg_id      INTEGER NOT NULL,
    pair        VARCHAR NOT NULL,
    source      VARCHAR NOT NULL,
    reference   VARCHAR,
    request_id  VARCHAR,                      -- the candidates every linguist of this item sees (made on first open)
    PRIMARY KEY (queue_id, item_id)
);

-- Which linguist was handed which item, and when (an item is not handed to more than k at a time).
CREATE TABLE review_assignments (
    queue_id    INTEGER NOT NULL,
    item_id     INTEGER NOT NULL,
    linguist    VARCHAR NOT NULL,
    assigned_at TIMESTAMP NOT NULL,
    PRIMARY KEY (queue_id, item_id, linguist)
);
