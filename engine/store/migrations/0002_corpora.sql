-- Parallel corpora and their segments. The original text is kept; norm_key is what duplicates are
-- detected by.
CREATE SEQUENCE corpus_id_seq START 1;

CREATE TABLE corpora (
    id          INTEGER PRIMARY KEY DEFAULT nextval('corpus_id_seq'),
    name        VARCHAR NOT NULL UNIQUE,
    pair        VARCHAR NOT NULL CHECK (pair IN ('en-ar', 'fr-ar')),
    source_file VARCHAR NOT NULL DEFAULT '',
    created_at  TIMESTAMP NOT NULL DEFAULT current_timestamp,
    options     VARCHAR NOT NULL DEFAULT '{}',
    report      VARCHAR NOT NULL DEFAULT '{}'
);

CREATE TABLE segments (
    corpus_id INTEGER NOT NULL,
    seg_id    INTEGER NOT NULL,
    line      INTEGER NOT NULL,
    source    VARCHAR NOT NULL,
    target    VARCHAR,
    pair      VARCHAR NOT NULL,
    split     VARCHAR NOT NULL CHECK (split IN ('train', 'valid', 'test')),
    norm_key  VARCHAR NOT NULL,
    PRIMARY KEY (corpus_id, seg_id)
);
