-- Uploaded files (platform/files): one row per file, whatever record or job it belongs to. The
-- bytes live in the store named by `store` (a local directory, or file_chunks below), so a file
-- stays readable after FILE_STORE changes.
CREATE TABLE files (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- A registered entity ('customer', 'contract' …) or, for a domain's own files, its owner kind ('import_job').
  owner_entity text NOT NULL CHECK (length(owner_entity) BETWEEN 1 AND 40),
  owner_id uuid NOT NULL,
  purpose text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 40),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  content_type text NOT NULL CHECK (length(content_type) <= 200),
  size_bytes bigint NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  store text NOT NULL CHECK (length(store) BETWEEN 1 AND 40),
  storage_key text NOT NULL CHECK (length(storage_key) <= 300),
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  deleted_by uuid REFERENCES users (id)
);
CREATE INDEX files_owner ON files (owner_entity, owner_id, created_at DESC);
CREATE INDEX files_created_by ON files (created_by);
CREATE INDEX files_deleted_by ON files (deleted_by) WHERE deleted_by IS NOT NULL;

-- The bytes of files kept in the database (FILE_STORE=database): pieces small enough for one row,
-- read back a few at a time, for servers that share no volume.
CREATE TABLE file_chunks (
  storage_key text NOT NULL,
  seq integer NOT NULL,
  data bytea NOT NULL,
  PRIMARY KEY (storage_key, seq)
);
