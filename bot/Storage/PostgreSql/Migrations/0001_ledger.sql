-- The compensation ledger: grants, the entitlements each holds, refused second attempts, and approval requests.

-- One row per grant. "attempt" tells a grant whose commit was acknowledged late (a dropped connection) from a new one.
CREATE TABLE ledger_entries (
    reference     text        PRIMARY KEY,
    attempt       uuid        NOT NULL UNIQUE,
    booking       text        NOT NULL,
    passenger     text        NOT NULL,
    kind          text        NOT NULL,
    channel       text        NOT NULL,
    actor_kind    text        NOT NULL,
    actor_id      text        NOT NULL,
    tier          text        NOT NULL,
    granted_utc   timestamptz NOT NULL,
    conversation  text        NOT NULL,
    entry         text        NOT NULL
);
CREATE INDEX ledger_entries_booking ON ledger_entries (booking);
CREATE INDEX ledger_entries_conversation ON ledger_entries (conversation);
CREATE INDEX ledger_entries_granted ON ledger_entries (granted_utc);

-- Each entitlement a grant uses up, under each identity of the passenger (booking and route, ticket, name on a flight).
-- The same claim twice is impossible: the unique constraint below. Claims that differ only in what tells passengers
-- and trips apart (a ticket, a day within the rebooking window) are checked by the grant, which holds a lock on each
-- identity it claims (pg_advisory_xact_lock) from its check to its commit.
CREATE TABLE entitlement_claims (
    entitlement   text NOT NULL,
    identity      text NOT NULL,
    ticket        text,
    journey_date  date,
    reference     text NOT NULL REFERENCES ledger_entries (reference),
    CONSTRAINT entitlement_claims_once UNIQUE NULLS NOT DISTINCT (entitlement, identity, ticket, journey_date)
);
CREATE INDEX entitlement_claims_identity ON entitlement_claims (identity);

CREATE TABLE ledger_refusals (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    attempt        uuid        NOT NULL UNIQUE,
    entitlement    text        NOT NULL,
    reference      text        NOT NULL,
    channel        text        NOT NULL,
    actor_kind     text        NOT NULL,
    actor_id       text        NOT NULL,
    conversation   text        NOT NULL,
    agent_name     text,
    attempted_utc  timestamptz NOT NULL
);
CREATE INDEX ledger_refusals_conversation ON ledger_refusals (conversation);
CREATE INDEX ledger_refusals_attempted ON ledger_refusals (attempted_utc);

CREATE TABLE approvals (
    id             text        PRIMARY KEY,
    status         text        NOT NULL,
    requested_utc  timestamptz NOT NULL,
    decided_utc    timestamptz,
    request        text        NOT NULL
);
CREATE INDEX approvals_pending ON approvals (requested_utc) WHERE status = 'Pending';
CREATE INDEX approvals_decided ON approvals (decided_utc DESC) WHERE decided_utc IS NOT NULL;

-- The entitlements a request would use up: one pending request per passenger's entitlement.
CREATE TABLE approval_claims (
    approval      text NOT NULL REFERENCES approvals (id),
    claim         text NOT NULL,
    ticket        text,
    journey_date  date
);
CREATE INDEX approval_claims_claim ON approval_claims (claim);
CREATE INDEX approval_claims_approval ON approval_claims (approval);
