-- Retention covers every table: a grant is pseudonymised once (its passenger's name, its payout's name and account),
-- and a customer's user state goes with their last conversation, found by the customer's id.
ALTER TABLE ledger_entries ADD COLUMN pseudonymised boolean NOT NULL DEFAULT false;
CREATE INDEX ledger_entries_to_pseudonymise ON ledger_entries (granted_utc) WHERE NOT pseudonymised;
CREATE INDEX conversation_summaries_customer ON conversation_summaries USING hash (customer_id);
CREATE INDEX cases_closed ON cases (coalesce(ended_utc, opened_utc)) WHERE status = 'closed';
CREATE INDEX supervisor_reviews_at ON supervisor_reviews (at_utc);
