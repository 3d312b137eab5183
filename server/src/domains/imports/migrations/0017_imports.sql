-- C10 imports. The uploaded file lives in the database (in chunks) rather than on one server's
-- disk, so any server behind the load balancer can run the job or answer its progress.
CREATE TABLE import_jobs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  entity text NOT NULL CHECK (entity IN ('customers', 'contacts', 'leads')),
  file_name text NOT NULL,
  format text NOT NULL CHECK (format IN ('csv', 'xlsx')),
  size_bytes bigint NOT NULL DEFAULT 0,
  status text NOT NULL DEFAULT 'uploaded'
    CHECK (status IN ('uploaded', 'checking', 'checked', 'importing', 'done', 'rejected', 'failed')),
  mode text NOT NULL DEFAULT 'lenient' CHECK (mode IN ('strict', 'lenient')),
  duplicates text NOT NULL DEFAULT 'skip' CHECK (duplicates IN ('skip', 'allow')),
  dry_run boolean NOT NULL DEFAULT false,
  locale text NOT NULL DEFAULT 'zh-CN',
  headers jsonb NOT NULL DEFAULT '[]',
  sample jsonb NOT NULL DEFAULT '[]',
  mapping jsonb,
  bytes_read bigint NOT NULL DEFAULT 0,
  rows_read integer NOT NULL DEFAULT 0,
  ok_rows integer NOT NULL DEFAULT 0,
  error_rows integer NOT NULL DEFAULT 0,
  duplicate_rows integer NOT NULL DEFAULT 0,
  failure text,
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  -- The running server touches this as it goes; a job whose heartbeat stops was interrupted.
  heartbeat_at timestamptz NOT NULL DEFAULT now(),
  -- Bumped by each run: the claim compares it, so two runs of one job cannot both start.
  runs integer NOT NULL DEFAULT 0,
  finished_at timestamptz
);
CREATE INDEX import_jobs_created_by ON import_jobs (created_by, created_at DESC);

CREATE TABLE import_file_chunks (
  job_id uuid NOT NULL REFERENCES import_jobs (id) ON DELETE CASCADE,
  seq integer NOT NULL,
  data bytea NOT NULL,
  PRIMARY KEY (job_id, seq)
);

-- The per-row error report of the latest run (dry or real) of a job.
CREATE TABLE import_errors (
  job_id uuid NOT NULL REFERENCES import_jobs (id) ON DELETE CASCADE,
  row_no integer NOT NULL,
  message text NOT NULL,
  is_duplicate boolean NOT NULL DEFAULT false,
  raw jsonb NOT NULL,
  PRIMARY KEY (job_id, row_no)
);
