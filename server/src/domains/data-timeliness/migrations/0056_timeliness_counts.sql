-- T7 at a million customers: the missing-field check per owner is kept here by statement-level triggers
-- (one statement of a bulk load is one pass over its transition table), so the director's score sums a
-- few hundred rows instead of testing every customer for a live contact. entity is 'customer' (live
-- customers; bad = no industry, no phone or no live contact) or 'opportunity' (live open ones; bad =
-- no expected close date or a zero amount). total is everything the check looks at.
CREATE TABLE timeliness_counts (
  entity text NOT NULL,
  owner_id uuid,
  owner_dept_id uuid,
  bad integer NOT NULL,
  total integer NOT NULL,
  CONSTRAINT timeliness_counts_owner UNIQUE NULLS NOT DISTINCT (entity, owner_id, owner_dept_id)
);

CREATE FUNCTION timeliness_customer_bad(c customers) RETURNS integer LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN coalesce(btrim(c.industry), '') = '' OR coalesce(btrim(c.phone), '') = ''
    OR NOT EXISTS (SELECT 1 FROM contacts ct WHERE ct.customer_id = c.id AND ct.deleted_at IS NULL) THEN 1 ELSE 0 END
$$;

-- A whole owner's customers counted again: what a hard delete does, since a cascade may already have
-- removed the contacts that decided whether the deleted rows were counted bad.
CREATE FUNCTION timeliness_customers_recount(owners jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM timeliness_counts t USING jsonb_to_recordset(owners) AS o(owner_id uuid, owner_dept_id uuid)
   WHERE t.entity = 'customer' AND t.owner_id IS NOT DISTINCT FROM o.owner_id AND t.owner_dept_id IS NOT DISTINCT FROM o.owner_dept_id;
  INSERT INTO timeliness_counts (entity, owner_id, owner_dept_id, bad, total)
  SELECT 'customer', c.owner_id, c.owner_dept_id, sum(timeliness_customer_bad(c)), count(*)
    FROM customers c JOIN jsonb_to_recordset(owners) AS o(owner_id uuid, owner_dept_id uuid)
      ON c.owner_id IS NOT DISTINCT FROM o.owner_id AND c.owner_dept_id IS NOT DISTINCT FROM o.owner_dept_id
   WHERE c.deleted_at IS NULL GROUP BY 2, 3 ORDER BY 2, 3;
END $$;

CREATE FUNCTION timeliness_customers_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO timeliness_counts AS t (entity, owner_id, owner_dept_id, bad, total)
    SELECT 'customer', n.owner_id, n.owner_dept_id, sum(timeliness_customer_bad(n)), count(*)
      FROM new_rows n WHERE n.deleted_at IS NULL GROUP BY 2, 3 ORDER BY 2, 3
    ON CONFLICT ON CONSTRAINT timeliness_counts_owner DO UPDATE SET bad = t.bad + excluded.bad, total = t.total + excluded.total;
  ELSIF TG_OP = 'UPDATE' THEN
    -- Contacts do not change within a customers statement, so old and new rows are judged against the same ones.
    INSERT INTO timeliness_counts AS t (entity, owner_id, owner_dept_id, bad, total)
    SELECT 'customer', owner_id, owner_dept_id, sum(b), sum(d) FROM (
      SELECT o.owner_id, o.owner_dept_id, -timeliness_customer_bad(o) AS b, -1 AS d FROM old_rows o WHERE o.deleted_at IS NULL
      UNION ALL
      SELECT n.owner_id, n.owner_dept_id, timeliness_customer_bad(n), 1 FROM new_rows n WHERE n.deleted_at IS NULL
    ) AS delta GROUP BY 2, 3 HAVING sum(b) <> 0 OR sum(d) <> 0 ORDER BY 2, 3
    ON CONFLICT ON CONSTRAINT timeliness_counts_owner DO UPDATE SET bad = t.bad + excluded.bad, total = t.total + excluded.total;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM timeliness_customers_recount(coalesce(jsonb_agg(DISTINCT jsonb_build_object('owner_id', owner_id, 'owner_dept_id', owner_dept_id)), '[]'))
       FROM old_rows WHERE deleted_at IS NULL;
  ELSE
    DELETE FROM timeliness_counts WHERE entity = 'customer';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER timeliness_customers_insert AFTER INSERT ON customers
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION timeliness_customers_apply();
CREATE TRIGGER timeliness_customers_update AFTER UPDATE ON customers
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION timeliness_customers_apply();
CREATE TRIGGER timeliness_customers_delete AFTER DELETE ON customers
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION timeliness_customers_apply();
CREATE TRIGGER timeliness_customers_truncate AFTER TRUNCATE ON customers
  FOR EACH STATEMENT EXECUTE FUNCTION timeliness_customers_apply();

-- A contacts statement flips a customer only when it leaves it with live contacts where it had none, or
-- the reverse. Live contacts before = those now less the net live rows the statement added (`moved`:
-- customer_id, added).
CREATE FUNCTION timeliness_contacts_flip(moved jsonb) RETURNS void LANGUAGE sql AS $$
  INSERT INTO timeliness_counts AS t (entity, owner_id, owner_dept_id, bad, total)
  SELECT 'customer', c.owner_id, c.owner_dept_id, sum(CASE WHEN n.now_n > 0 THEN -1 ELSE 1 END), 0
    FROM jsonb_to_recordset(moved) AS m(customer_id uuid, added integer)
    JOIN customers c ON c.id = m.customer_id AND c.deleted_at IS NULL
   CROSS JOIN LATERAL (SELECT count(*) AS now_n FROM contacts ct WHERE ct.customer_id = m.customer_id AND ct.deleted_at IS NULL) n
   WHERE m.added <> 0 AND (n.now_n > 0) <> (n.now_n - m.added > 0)
     AND coalesce(btrim(c.industry), '') <> '' AND coalesce(btrim(c.phone), '') <> ''
   GROUP BY 2, 3 ORDER BY 2, 3
  ON CONFLICT ON CONSTRAINT timeliness_counts_owner DO UPDATE SET bad = t.bad + excluded.bad
$$;
CREATE FUNCTION timeliness_contacts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM timeliness_contacts_flip(coalesce((SELECT jsonb_agg(s) FROM (
      SELECT customer_id, count(*) AS added FROM new_rows WHERE deleted_at IS NULL GROUP BY 1) s), '[]'));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM timeliness_contacts_flip(coalesce((SELECT jsonb_agg(s) FROM (
      SELECT customer_id, sum(d) AS added FROM (
        SELECT customer_id, 1 AS d FROM new_rows WHERE deleted_at IS NULL
        UNION ALL
        SELECT customer_id, -1 FROM old_rows WHERE deleted_at IS NULL
      ) u GROUP BY 1) s), '[]'));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM timeliness_contacts_flip(coalesce((SELECT jsonb_agg(s) FROM (
      SELECT customer_id, -count(*) AS added FROM old_rows WHERE deleted_at IS NULL GROUP BY 1) s), '[]'));
  ELSE
    PERFORM timeliness_customers_recount(coalesce((SELECT jsonb_agg(DISTINCT jsonb_build_object('owner_id', owner_id, 'owner_dept_id', owner_dept_id))
      FROM customers WHERE deleted_at IS NULL), '[]'));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER timeliness_contacts_insert AFTER INSERT ON contacts
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION timeliness_contacts_apply();
CREATE TRIGGER timeliness_contacts_update AFTER UPDATE ON contacts
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION timeliness_contacts_apply();
CREATE TRIGGER timeliness_contacts_delete AFTER DELETE ON contacts
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION timeliness_contacts_apply();
CREATE TRIGGER timeliness_contacts_truncate AFTER TRUNCATE ON contacts
  FOR EACH STATEMENT EXECUTE FUNCTION timeliness_contacts_apply();

CREATE FUNCTION timeliness_opportunities_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO timeliness_counts AS t (entity, owner_id, owner_dept_id, bad, total)
    SELECT 'opportunity', owner_id, owner_dept_id, count(*) FILTER (WHERE expected_close_date IS NULL OR amount = 0), count(*)
      FROM new_rows WHERE deleted_at IS NULL AND status = 'open' GROUP BY 2, 3 ORDER BY 2, 3
    ON CONFLICT ON CONSTRAINT timeliness_counts_owner DO UPDATE SET bad = t.bad + excluded.bad, total = t.total + excluded.total;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO timeliness_counts AS t (entity, owner_id, owner_dept_id, bad, total)
    SELECT 'opportunity', owner_id, owner_dept_id, sum(b), sum(d) FROM (
      SELECT owner_id, owner_dept_id, -(expected_close_date IS NULL OR amount = 0)::int AS b, -1 AS d
        FROM old_rows WHERE deleted_at IS NULL AND status = 'open'
      UNION ALL
      SELECT owner_id, owner_dept_id, (expected_close_date IS NULL OR amount = 0)::int, 1
        FROM new_rows WHERE deleted_at IS NULL AND status = 'open'
    ) AS delta GROUP BY 2, 3 HAVING sum(b) <> 0 OR sum(d) <> 0 ORDER BY 2, 3
    ON CONFLICT ON CONSTRAINT timeliness_counts_owner DO UPDATE SET bad = t.bad + excluded.bad, total = t.total + excluded.total;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO timeliness_counts AS t (entity, owner_id, owner_dept_id, bad, total)
    SELECT 'opportunity', owner_id, owner_dept_id, -count(*) FILTER (WHERE expected_close_date IS NULL OR amount = 0), -count(*)
      FROM old_rows WHERE deleted_at IS NULL AND status = 'open' GROUP BY 2, 3 ORDER BY 2, 3
    ON CONFLICT ON CONSTRAINT timeliness_counts_owner DO UPDATE SET bad = t.bad + excluded.bad, total = t.total + excluded.total;
  ELSE
    DELETE FROM timeliness_counts WHERE entity = 'opportunity';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER timeliness_opportunities_insert AFTER INSERT ON opportunities
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION timeliness_opportunities_apply();
CREATE TRIGGER timeliness_opportunities_update AFTER UPDATE ON opportunities
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION timeliness_opportunities_apply();
CREATE TRIGGER timeliness_opportunities_delete AFTER DELETE ON opportunities
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION timeliness_opportunities_apply();
CREATE TRIGGER timeliness_opportunities_truncate AFTER TRUNCATE ON opportunities
  FOR EACH STATEMENT EXECUTE FUNCTION timeliness_opportunities_apply();

-- Staleness moves with the clock, so it is counted at read time, from an index-only scan of the open
-- opportunities that carries what the "last touched" expression needs (the included columns let the
-- planner skip the heap).
CREATE INDEX timeliness_open_touched ON opportunities (owner_id, greatest(updated_at, coalesce(last_follow_up_at, updated_at)))
  INCLUDE (owner_dept_id, updated_at, last_follow_up_at) WHERE deleted_at IS NULL AND status = 'open';
-- Key customers with a follow-up cycle: a few percent of the customers, read from the index alone (it
-- holds every column the due-date query uses).
CREATE INDEX timeliness_key_customers ON customers (owner_id) INCLUDE (owner_dept_id, follow_up_cycle_days, created_at, id)
  WHERE is_key AND follow_up_cycle_days IS NOT NULL AND deleted_at IS NULL;

-- The rows already there.
INSERT INTO timeliness_counts (entity, owner_id, owner_dept_id, bad, total)
SELECT 'customer', c.owner_id, c.owner_dept_id, sum(timeliness_customer_bad(c)), count(*)
  FROM customers c WHERE c.deleted_at IS NULL GROUP BY 2, 3;
INSERT INTO timeliness_counts (entity, owner_id, owner_dept_id, bad, total)
SELECT 'opportunity', owner_id, owner_dept_id, count(*) FILTER (WHERE expected_close_date IS NULL OR amount = 0), count(*)
  FROM opportunities WHERE deleted_at IS NULL AND status = 'open' GROUP BY 2, 3;
