-- Transcripts, the supervisors' conversation list and their reviews, shared by every instance.

-- Every logged activity in the order it was logged (id), under the SHA-256 of its conversation's key; batch names the
-- write it came in, so a batch retried after its commit's acknowledgement was lost is not stored twice.
CREATE TABLE transcript_entries (
    id                 bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    conversation_hash  bytea       NOT NULL,
    batch              uuid        NOT NULL,
    timestamp_utc      timestamptz NOT NULL,
    role               text        NOT NULL,
    type               text        NOT NULL,
    json               text        NOT NULL
);
CREATE INDEX transcript_entries_conversation ON transcript_entries (conversation_hash, id);

-- One summary per conversation: what the list shows and filters on, and the words customers and agents wrote
-- (terms, as SearchTerms makes them; a search needs all its words: terms @> query, through the GIN index).
-- last_change names the change (a grant, a case, a review) that last wrote the summary, for a change that is retried.
CREATE TABLE conversation_summaries (
    key_hash         bytea       PRIMARY KEY,
    channel_id       text        NOT NULL,
    conversation_id  text        NOT NULL,
    first_utc        timestamptz NOT NULL,
    last_utc         timestamptz NOT NULL,
    activities       integer     NOT NULL DEFAULT 0,
    locale           text,
    language         text        NOT NULL,
    customer_id      text,
    customer_name    text,
    preview          text,
    bookings         text[]      NOT NULL DEFAULT '{}',
    agents           text[]      NOT NULL DEFAULT '{}',
    case_reference   text,
    handed_off       boolean     NOT NULL DEFAULT false,
    grants           integer     NOT NULL DEFAULT 0,
    rating           integer,
    review_score     integer,
    agents_thread    boolean     NOT NULL DEFAULT false,
    terms            text[]      NOT NULL DEFAULT '{}',
    last_change      uuid
);
CREATE INDEX conversation_summaries_newest ON conversation_summaries (last_utc DESC, key_hash) WHERE NOT agents_thread;
CREATE INDEX conversation_summaries_terms ON conversation_summaries USING gin (terms);
CREATE INDEX conversation_summaries_agents ON conversation_summaries USING gin (agents);

CREATE TABLE supervisor_reviews (
    id                 bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    write_id           uuid        NOT NULL UNIQUE,
    conversation_hash  bytea       NOT NULL,
    author             text        NOT NULL,
    score              integer,
    note               text,
    at_utc             timestamptz NOT NULL
);
CREATE INDEX supervisor_reviews_conversation ON supervisor_reviews (conversation_hash, at_utc);
