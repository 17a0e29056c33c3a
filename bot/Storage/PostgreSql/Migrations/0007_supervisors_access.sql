-- The supervisors' access log, and the data-protection keys every instance signs cookies and antiforgery tokens with.
CREATE TABLE transcript_access (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    write_id      uuid        NOT NULL UNIQUE,
    who           text        NOT NULL,
    at_utc        timestamptz NOT NULL,
    action        text        NOT NULL,
    conversation  text        NOT NULL
);

CREATE TABLE data_protection_keys (
    name  text PRIMARY KEY,
    xml   text NOT NULL
);
