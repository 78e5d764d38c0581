-- When a judgement was stored, beside when it was made (created_at): a judgement imported from Argilla keeps the
-- time it was made there, so "judgements stored since the newest retrain" counted it as old and it never started
-- a retrain. Rows stored before this column: their created_at.
ALTER TABLE judgements ADD COLUMN stored_at TIMESTAMP;
UPDATE judgements SET stored_at = created_at;
