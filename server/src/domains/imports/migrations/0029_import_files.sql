-- Import uploads move to platform/files (purpose 'import', owned by the job). Files waiting in
-- import_file_chunks move to the database file store with their job, then the old table goes.
ALTER TABLE import_jobs ADD COLUMN file_id uuid REFERENCES files (id) ON DELETE SET NULL;
CREATE INDEX import_jobs_file ON import_jobs (file_id) WHERE file_id IS NOT NULL;

INSERT INTO file_chunks (storage_key, seq, data)
SELECT 'import-' || job_id::text, seq, data FROM import_file_chunks;

WITH moved AS (
  SELECT c.job_id, sum(length(c.data))::bigint AS size_bytes,
         encode(sha256(string_agg(c.data, ''::bytea ORDER BY c.seq)), 'hex') AS sha256
    FROM import_file_chunks c
   GROUP BY c.job_id
), inserted AS (
  INSERT INTO files (owner_entity, owner_id, purpose, name, content_type, size_bytes, sha256, store, storage_key, created_by, created_at)
  SELECT 'import_job', j.id, 'import', left(j.file_name, 200),
         CASE j.format WHEN 'xlsx' THEN 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' ELSE 'text/csv' END,
         m.size_bytes, m.sha256, 'database', 'import-' || j.id::text, j.created_by, j.created_at
    FROM import_jobs j JOIN moved m ON m.job_id = j.id
  RETURNING id, owner_id
)
UPDATE import_jobs j SET file_id = i.id FROM inserted i WHERE i.owner_id = j.id;

DROP TABLE import_file_chunks;
