-- Issue 11 at scale (200,000 contracts): a regional manager's contract list counted every live
-- contract of his region on every page — the scope rule (department OR owner) needs a bitmap over two
-- indexes and then every heap page of the region (40,000 rows, 7,700 pages: 40–60 ms of a 50 ms
-- budget), with or without a status filter. Live contracts per owner, owner's department and status
-- are kept here by statement-level triggers in the writing transaction (as customer_counts, 0002);
-- a list filtered by nothing but status and owner sums a few hundred rows under the same scope rule.
CREATE TABLE contract_counts (
  owner_id uuid NOT NULL,
  owner_dept_id uuid,
  status text NOT NULL,
  live integer NOT NULL,
  CONSTRAINT contract_counts_key UNIQUE NULLS NOT DISTINCT (owner_id, owner_dept_id, status)
);

CREATE FUNCTION contract_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO contract_counts AS c (owner_id, owner_dept_id, status, live)
    SELECT owner_id, owner_dept_id, status, count(*) FROM new_rows WHERE deleted_at IS NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT ON CONSTRAINT contract_counts_key DO UPDATE SET live = c.live + excluded.live;
  ELSIF TG_OP = 'UPDATE' THEN
    -- Net change per key: an edit that keeps owner, status and the live state writes nothing here.
    INSERT INTO contract_counts AS c (owner_id, owner_dept_id, status, live)
    SELECT owner_id, owner_dept_id, status, sum(d) FROM (
      SELECT owner_id, owner_dept_id, status, -1 AS d FROM old_rows WHERE deleted_at IS NULL
      UNION ALL
      SELECT owner_id, owner_dept_id, status, 1 FROM new_rows WHERE deleted_at IS NULL
    ) AS delta GROUP BY 1, 2, 3 HAVING sum(d) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT ON CONSTRAINT contract_counts_key DO UPDATE SET live = c.live + excluded.live;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO contract_counts AS c (owner_id, owner_dept_id, status, live)
    SELECT owner_id, owner_dept_id, status, -count(*) FROM old_rows WHERE deleted_at IS NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT ON CONSTRAINT contract_counts_key DO UPDATE SET live = c.live + excluded.live;
  ELSE
    DELETE FROM contract_counts;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER contract_counts_insert AFTER INSERT ON contracts
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION contract_counts_apply();
CREATE TRIGGER contract_counts_update AFTER UPDATE ON contracts
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION contract_counts_apply();
CREATE TRIGGER contract_counts_delete AFTER DELETE ON contracts
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION contract_counts_apply();
CREATE TRIGGER contract_counts_truncate AFTER TRUNCATE ON contracts
  FOR EACH STATEMENT EXECUTE FUNCTION contract_counts_apply();

-- The contracts already there.
INSERT INTO contract_counts (owner_id, owner_dept_id, status, live)
SELECT owner_id, owner_dept_id, status, count(*) FROM contracts WHERE deleted_at IS NULL GROUP BY 1, 2, 3;
