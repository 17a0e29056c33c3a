-- The bot's own settings (the Direct Line token signing key), and the files customers upload through Direct Line.
CREATE TABLE bot_settings (
    id     text  PRIMARY KEY,
    value  bytea NOT NULL
);

CREATE TABLE uploads (
    id            text        PRIMARY KEY,
    file_name     text        NOT NULL,
    content_type  text        NOT NULL,
    content       bytea       NOT NULL,
    created_utc   timestamptz NOT NULL
);
