-- What the Data page reads on every rerun, kept so that no rerun scans every segment: each corpus's counts per
-- split and its length histogram (bins of 10 characters), computed once when the corpus is stored, and the
-- lower-cased text of each side, which a search matches with a plain substring test instead of two ILIKEs (which
-- lower-cased every Arabic target on every search). A side that has no capitals (nearly every Arabic target) keeps
-- NULL there and is matched as it is, so the copy costs little room.
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

ALTER TABLE segments ADD COLUMN source_lower VARCHAR;  -- lower(source), NULL when that is the source itself
ALTER TABLE segments ADD COLUMN target_lower VARCHAR;  -- likewise for the target
UPDATE segments SET source_lower = nullif(lower(source), source), target_lower = nullif(lower(target), target);

INSERT INTO corpus_stats
SELECT c.id, count(s.seg_id), count(s.seg_id) FILTER (WHERE s.split = 'train'),
       count(s.seg_id) FILTER (WHERE s.split = 'valid'), count(s.seg_id) FILTER (WHERE s.split = 'test')
FROM corpora c LEFT JOIN segments s ON s.corpus_id = c.id GROUP BY c.id;

INSERT INTO corpus_lengths
SELECT corpus_id, side, (len // 10) * 10, count(*) FROM (
    SELECT corpus_id, 'source' AS side, length(source) AS len FROM segments
    UNION ALL SELECT corpus_id, 'target', length(target) FROM segments WHERE target IS NOT NULL
) GROUP BY ALL;
