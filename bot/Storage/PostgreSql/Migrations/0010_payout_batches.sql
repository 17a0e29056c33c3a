-- The SEPA credit-transfer file (its message id) that handed an instruction to finance, to write that file again.
ALTER TABLE payouts ADD COLUMN batch text;

CREATE INDEX payouts_by_batch ON payouts (batch) WHERE batch IS NOT NULL;
