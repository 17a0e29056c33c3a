-- The payout outbox: one instruction per grant with cash, written in the grant's transaction, delivered to finance
-- under the grant's reference. A due instruction is leased by the instance that delivers it.
CREATE TABLE payouts (
    reference         text        PRIMARY KEY REFERENCES ledger_entries (reference),
    status            text        NOT NULL,
    next_attempt_utc  timestamptz NOT NULL,
    lease_until       timestamptz NOT NULL DEFAULT '-infinity',
    granted_utc       timestamptz NOT NULL,
    state             text        NOT NULL
);

CREATE INDEX payouts_due ON payouts (next_attempt_utc) WHERE status = 'Waiting';
CREATE INDEX payouts_by_status ON payouts (status, granted_utc);
