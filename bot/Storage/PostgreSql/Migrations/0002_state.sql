-- Conversation and user state: one row per key, its JSON, and a version that is its ETag. Rows are found by the
-- SHA-256 of the key, so a channel's key of any length fits the index. write_id names the write that made the row
-- as it is: a write retried after its acknowledgement was lost finds itself there.
CREATE TABLE bot_state (
    key_hash     bytea       PRIMARY KEY,
    key          text        NOT NULL,
    etag         bigint      NOT NULL,
    json         text        NOT NULL,
    write_id     uuid        NOT NULL,
    updated_utc  timestamptz NOT NULL DEFAULT now()
);
