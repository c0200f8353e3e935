-- The questions users asked and their votes on the answers. Plain SQL that SQLite and PostgreSQL
-- both run: ids are made by the program (no AUTOINCREMENT or SERIAL), times are Unix seconds.
-- No user id or name is ever stored: a vote's voter is a salted hash of the user and the answer.

CREATE TABLE questions (
    id          VARCHAR(32) PRIMARY KEY,       -- random; also the key of the answer's vote buttons
    asked_at    DOUBLE PRECISION NOT NULL,     -- Unix time, seconds
    surface     VARCHAR(16) NOT NULL,          -- private, group, inline, console, imported
    question    TEXT NOT NULL,
    kind        VARCHAR(16) NOT NULL,          -- faq, passage, none
    reason      VARCHAR(32),                   -- why a none is one
    score       DOUBLE PRECISION NOT NULL,
    entry_id    TEXT,                          -- faq: the entry that answered
    source      TEXT,                          -- faq or passage: the sentence quoted
    document    TEXT,                          -- the article's title
    latency_ms  DOUBLE PRECISION               -- null for imported rows
);

CREATE INDEX questions_asked_at ON questions (asked_at);

CREATE TABLE votes (
    question_id VARCHAR(32) NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    voter       VARCHAR(64) NOT NULL,          -- salted hash of user and answer: one vote each, changeable
    value       SMALLINT NOT NULL CHECK (value IN (-1, 1)),
    voted_at    DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (question_id, voter)
);

CREATE TABLE imports (
    name        VARCHAR(200) PRIMARY KEY,      -- a legacy log and a digest of its contents: imported once
    imported_at DOUBLE PRECISION NOT NULL,
    row_count   INTEGER NOT NULL
);
