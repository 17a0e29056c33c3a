-- Hand-offs to people: cases with their holder, agents' thread, notes and handovers, and where the bot lives in Teams.

-- One row per case. "file" is what the customer's conversation gathered (JSON, as the case was opened); the columns
-- beside it change as the case changes hands. change_id names the change of hands or status that left the row as it
-- is (wait_notice_id the notice that no one is free), so a change retried after its acknowledgement was lost finds
-- itself there. Customers' and threads' ids may be long: their
-- indexes are hash indexes, which hold a key of any length.
CREATE TABLE cases (
    reference               text        PRIMARY KEY,
    status                  text        NOT NULL,
    channel_id              text        NOT NULL,
    conversation_id         text        NOT NULL,
    opened_utc              timestamptz NOT NULL,
    file                    text        NOT NULL,
    opened_by               uuid        NOT NULL UNIQUE,
    agent_id                text,
    agent_name              text,
    taken_utc               timestamptz,
    ended_utc               timestamptz,
    rating                  integer,
    agent_thread_id         text,
    agent_service_url       text,
    agent_bot_id            text,
    agent_card_activity_id  text,
    callback_email          text,
    wait_notice_sent        boolean     NOT NULL DEFAULT false,
    wait_notice_id          uuid,
    change_id               uuid
);
CREATE INDEX cases_conversation ON cases USING hash (conversation_id);
CREATE INDEX cases_thread ON cases USING hash (agent_thread_id);
CREATE INDEX cases_open ON cases (opened_utc) WHERE status = 'open';

CREATE TABLE case_notes (
    id         uuid        PRIMARY KEY,
    reference  text        NOT NULL REFERENCES cases (reference),
    author     text        NOT NULL,
    text       text        NOT NULL,
    at_utc     timestamptz NOT NULL
);
CREATE INDEX case_notes_case ON case_notes (reference, at_utc);

CREATE TABLE case_handovers (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reference  text        NOT NULL REFERENCES cases (reference),
    from_id    text,
    from_name  text,
    to_id      text        NOT NULL,
    to_name    text        NOT NULL,
    at_utc     timestamptz NOT NULL
);
CREATE INDEX case_handovers_case ON case_handovers (reference, id);

-- Per Teams channel the bot was installed in: what it needs to post there later, from any instance. Found by the
-- SHA-256 of the channel's id, as state is by its key.
CREATE TABLE teams_installations (
    channel_hash bytea PRIMARY KEY,
    channel_id   text NOT NULL,
    team_id      text,
    tenant_id    text NOT NULL,
    service_url  text NOT NULL,
    bot_id       text NOT NULL,
    bot_name     text
);
