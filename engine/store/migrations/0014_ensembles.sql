-- Reward-model ensembles and feedback where it teaches most. A candidate ranked by an ensemble keeps the members'
-- spread (their standard deviation) beside its combined score; a review item keeps its priority, how unsure the
-- reward models are about its source (higher = handed out earlier; NULL = no measurement: the queue's own order).
ALTER TABLE request_candidates ADD COLUMN rm_spread DOUBLE;
ALTER TABLE review_items ADD COLUMN priority DOUBLE;
