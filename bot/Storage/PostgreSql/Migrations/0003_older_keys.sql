-- Grants carried over from a LiteDB data file that were recorded before entitlement claims, under their older keys
-- (passenger, booking, flight, date and the kind reported): each such key holds every entitlement of its family.
CREATE TABLE ledger_older_keys (
    key        text PRIMARY KEY,
    reference  text NOT NULL REFERENCES ledger_entries (reference)
);
