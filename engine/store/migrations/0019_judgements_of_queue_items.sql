-- A judgement of a review-queue item's candidates made outside the queue — on the Translate tab before review
-- sampling put that translation into its model's log queue, or imported from Argilla — was stored without the
-- item: the queue handed the item to that linguist again on every visit (their submit refused as a second
-- judgement), and its progress and agreement left the judgement out. Such judgements are the item's.
UPDATE judgements SET queue_id = i.queue_id, item_id = i.item_id
FROM (SELECT request_id, queue_id, item_id FROM (  -- the first item by (queue, item), as new judgements are placed
        SELECT request_id, queue_id, item_id,
               row_number() OVER (PARTITION BY request_id ORDER BY queue_id, item_id) AS nth
        FROM review_items WHERE request_id IS NOT NULL) WHERE nth = 1) i
WHERE judgements.request_id = i.request_id AND judgements.queue_id IS NULL;
