-- What a follow-up question is read against: per conversation, the last exchange (as JSON), for a
-- few minutes. The key is a salted hash of the chat (and thread), never a chat or user id, so that
-- two replicas sharing this database resolve each other's follow-ups.

CREATE TABLE conversation_context (
    context_key VARCHAR(64) PRIMARY KEY,
    turn        TEXT NOT NULL,
    expires_at  DOUBLE PRECISION NOT NULL      -- Unix time, seconds
);

CREATE INDEX conversation_context_expires ON conversation_context (expires_at);
