-- Whether a candidate's decoding stopped at its token budget (max new tokens, or what the model's context left)
-- before an end token: such a translation may be cut short, and the Translate page says so.
ALTER TABLE request_candidates ADD COLUMN cut BOOLEAN DEFAULT false;
