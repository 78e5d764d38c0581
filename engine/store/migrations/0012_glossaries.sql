-- Glossaries: terminology per language pair (several per pair), each with its entries. `enabled` is the default a
-- job form offers; every job names the glossaries it uses in its own config.
CREATE SEQUENCE glossary_id_seq START 1;
CREATE TABLE glossaries (
    id           INTEGER PRIMARY KEY DEFAULT nextval('glossary_id_seq'),
    name         VARCHAR NOT NULL UNIQUE,
    pair         VARCHAR NOT NULL,             -- en-ar / fr-ar
    enabled      BOOLEAN NOT NULL DEFAULT TRUE,
    source_file  VARCHAR,                      -- the upload's display name (never used as a path)
    created_at   TIMESTAMP NOT NULL
);
CREATE TABLE glossary_entries (
    glossary_id  INTEGER NOT NULL,
    line         INTEGER NOT NULL,             -- where the entry was in the uploaded file
    source       VARCHAR NOT NULL,
    arabic       VARCHAR NOT NULL,             -- the renderings, '|'-separated
    note         VARCHAR NOT NULL DEFAULT '',
    domain       VARCHAR NOT NULL DEFAULT '',
    PRIMARY KEY (glossary_id, line)
);
