-- C1 customers, on the record base (owner, owner's department, audit columns, version, soft delete).
CREATE TABLE customers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  owner_id uuid NOT NULL REFERENCES users(id),
  owner_dept_id uuid REFERENCES departments(id),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  deleted_at timestamptz,
  deleted_by uuid REFERENCES users(id),

  name text NOT NULL,
  short_name text,
  industry text,
  source text,
  grade text,
  customer_type text NOT NULL DEFAULT 'development' CHECK (customer_type IN ('development', 'retention', 'project')),
  region text,
  address text,
  phone text,
  website text,
  tags text[] NOT NULL DEFAULT '{}',
  is_key boolean NOT NULL DEFAULT false,
  follow_up_cycle_days integer CHECK (follow_up_cycle_days BETWEEN 1 AND 3650),
  credit_limit numeric(14,2),
  remarks text
);
-- Name is unique among live customers only: a customer in the recycle bin does not block a new one.
CREATE UNIQUE INDEX customers_name_live ON customers (lower(name)) WHERE deleted_at IS NULL;
-- Scope filters (own / department / all) each with the default sort (-updatedAt, then -id) behind
-- them, in the sort's exact order so a page is read straight off the index. A list first picks the
-- page's ids from an index (list-query.ts), then reads those rows: customers_updated carries the
-- owner columns so a department scope is checked inside the index, however deep the page.
-- A rep's own list is the most used one: its index also carries the columns the list filters and
-- searches on, so filtering or searching one owner's customers never leaves the index.
CREATE INDEX customers_owner_updated ON customers (owner_id, updated_at DESC, id DESC)
  INCLUDE (industry, grade, name, short_name, phone) WHERE deleted_at IS NULL;
CREATE INDEX customers_dept_updated ON customers (owner_dept_id, updated_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX customers_updated ON customers (updated_at DESC, id DESC) INCLUDE (owner_id, owner_dept_id) WHERE deleted_at IS NULL;
-- The list filters: industry alone or with grade, counted and paged inside the index in any scope.
CREATE INDEX customers_industry_grade ON customers (industry, grade, updated_at DESC, id DESC) INCLUDE (owner_id, owner_dept_id)
  WHERE deleted_at IS NULL;
CREATE INDEX customers_grade ON customers (grade) WHERE deleted_at IS NULL;
CREATE INDEX customers_deleted ON customers (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX customers_created_by ON customers (created_by);
CREATE INDEX customers_updated_by ON customers (updated_by);
CREATE INDEX customers_deleted_by ON customers (deleted_by);

-- Search: q matches name, short name or phone anywhere (ILIKE '%q%'). Chinese names have no word
-- breaks and people type two-character fragments (华创), too short for trigrams, so the index holds
-- every two-character substring: a search first narrows to rows holding all of q's pairs, then
-- ILIKE decides. The expression here and in customer-service.ts (searchBigrams) must stay identical.
CREATE FUNCTION text_bigrams(t text) RETURNS text[] LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  pairs text[] := '{}';
BEGIN
  FOR i IN 1 .. char_length(t) - 1 LOOP
    pairs := pairs || substr(t, i, 2);
  END LOOP;
  RETURN pairs;
END $$;
CREATE INDEX customers_search ON customers
  USING gin (text_bigrams(lower(name || ' ' || coalesce(short_name, '') || ' ' || coalesce(phone, ''))))
  WHERE deleted_at IS NULL;

-- Live customers per (owner, owner's department), kept by the triggers below in the writing
-- transaction. The unfiltered list of a big scope (a director's million customers) takes its exact
-- total from here: a sum over a few hundred rows, filtered with the same scope rule, instead of
-- counting every customer on every page view.
CREATE TABLE customer_counts (
  owner_id uuid,
  owner_dept_id uuid,
  live integer NOT NULL,
  CONSTRAINT customer_counts_owner UNIQUE NULLS NOT DISTINCT (owner_id, owner_dept_id)
);

CREATE FUNCTION customer_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO customer_counts AS c (owner_id, owner_dept_id, live)
    SELECT owner_id, owner_dept_id, count(*) FROM new_rows WHERE deleted_at IS NULL GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT ON CONSTRAINT customer_counts_owner DO UPDATE SET live = c.live + excluded.live;
  ELSIF TG_OP = 'UPDATE' THEN
    -- Net change per owner: an edit that keeps the owner and the live state writes nothing here.
    INSERT INTO customer_counts AS c (owner_id, owner_dept_id, live)
    SELECT owner_id, owner_dept_id, sum(d) FROM (
      SELECT owner_id, owner_dept_id, -1 AS d FROM old_rows WHERE deleted_at IS NULL
      UNION ALL
      SELECT owner_id, owner_dept_id, 1 FROM new_rows WHERE deleted_at IS NULL
    ) AS delta GROUP BY 1, 2 HAVING sum(d) <> 0 ORDER BY 1, 2
    ON CONFLICT ON CONSTRAINT customer_counts_owner DO UPDATE SET live = c.live + excluded.live;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO customer_counts AS c (owner_id, owner_dept_id, live)
    SELECT owner_id, owner_dept_id, -count(*) FROM old_rows WHERE deleted_at IS NULL GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT ON CONSTRAINT customer_counts_owner DO UPDATE SET live = c.live + excluded.live;
  ELSE
    DELETE FROM customer_counts;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER customer_counts_insert AFTER INSERT ON customers
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION customer_counts_apply();
CREATE TRIGGER customer_counts_update AFTER UPDATE ON customers
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION customer_counts_apply();
CREATE TRIGGER customer_counts_delete AFTER DELETE ON customers
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION customer_counts_apply();
CREATE TRIGGER customer_counts_truncate AFTER TRUNCATE ON customers
  FOR EACH STATEMENT EXECUTE FUNCTION customer_counts_apply();
