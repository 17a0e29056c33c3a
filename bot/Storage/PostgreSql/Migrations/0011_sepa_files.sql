-- SEPA credit-transfer files as they were handed to finance, written in the hand-over's transaction, so each
-- downloads again byte for byte whatever later happens to its transfers.
CREATE TABLE sepa_files (
    batch        text        PRIMARY KEY,
    created_utc  timestamptz NOT NULL,
    transfers    integer     NOT NULL,
    content      bytea       NOT NULL
);
