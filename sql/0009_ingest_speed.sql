-- Re-ingest without re-reading: `ingest_key` is the SHA-256 of the file's bytes (raw_hash) and the
-- manifest hints of the file whose reading last wrote or confirmed the row. A file with the same
-- bytes and hints, ingested by the same extractor version, gives the same document (text, facts and
-- mentions are a function of the bytes, the hints and the extractor), so ptt only touches
-- `last_seen` and skips decoding and extraction. NULL for rows written before this migration: the
-- next ingest takes the full path once and fills it in.
ALTER TABLE documents ADD COLUMN ingest_key text CHECK (ingest_key ~ '^[0-9a-f]{64}$');
CREATE INDEX documents_ingest_key_idx ON documents (ingest_key);
