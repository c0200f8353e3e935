-- The secret salt of the voter and context keys, kept in the database when several processes share it
-- (PostgreSQL): every replica must hash a user and a chat alike, or votes would count twice and one
-- replica could not read another's conversation context. The first process to start makes it. SQLite
-- keeps its salt in a file beside the database (BOT_DATA_DIR/salt) and leaves this table empty.

CREATE TABLE shared_salt (
    id          SMALLINT PRIMARY KEY CHECK (id = 1),   -- one row
    salt        VARCHAR(64) NOT NULL                   -- 32 random bytes, in hexadecimal
);
