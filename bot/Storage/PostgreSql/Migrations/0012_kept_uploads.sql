-- Uploads a grant's receipts point to: kept with the grant (written in its transaction), so transcript retention,
-- which deletes a conversation's uploads with it, leaves them in place.
CREATE TABLE kept_uploads (
    id               text PRIMARY KEY,
    grant_reference  text NOT NULL REFERENCES ledger_entries (reference)
);
