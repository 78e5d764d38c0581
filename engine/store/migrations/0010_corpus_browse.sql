-- What the Data page reads on every rerun, kept so that no rerun scans every segment: each corpus's counts per
-- split and its length histogram (bins of 10 characters), computed once when the corpus is stored, and a
-- lower-cased copy of each segment ("source" newline "target") that a search matches with a plain substring test
-- instead of two case-insensitive ILIKEs (which lower-case every Arabic target on every search).
CREATE TABLE corpus_stats (
    corpus_id INTEGER PRIMARY KEY,
    segments  BIGINT NOT NULL,
    train     BIGINT NOT NULL,
    valid     BIGINT NOT NULL,
    test      BIGINT NOT NULL
);

CREATE TABLE corpus_lengths (
    corpus_id INTEGER NOT NULL,
    side      VARCHAR NOT NULL CHECK (side IN ('source', 'target')),
    length    INTEGER NOT NULL,  -- the bin's lower bound: (characters // 10) * 10
    segments  BIGINT NOT NULL,
    PRIMARY KEY (corpus_id, side, length)
);

ALTER TABLE segments ADD COLUMN search_text VARCHAR;
UPDATE segments SET search_text = lower(source) || chr(10) || lower(coalesce(target, ''));

INSERT INTO corpus_stats
SELECT c.id, count(s.seg_id), count(s.seg_id) FILTER (WHERE s.split = 'train'),
       count(s.seg_id) FILTER (WHERE s.split = 'valid'), count(s.seg_id) FILTER (WHERE s.split = 'test')
FROM corpora c LEFT JOIN segments s ON s.corpus_id = c.id GROUP BY c.id;

INSERT INTO corpus_lengths
SELECT corpus_id, side, (len // 10) * 10, count(*) FROM (
    SELECT corpus_id, 'source' AS side, length(source) AS len FROM segments
    UNION ALL SELECT corpus_id, 'target', length(target) FROM segments WHERE target IS NOT NULL
) GROUP BY ALL;
