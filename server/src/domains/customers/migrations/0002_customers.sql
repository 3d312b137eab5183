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
-- Scope filters (own / department / all) each with the default sort behind them.
CREATE INDEX customers_owner_updated ON customers (owner_id, updated_at DESC, id) WHERE deleted_at IS NULL;
CREATE INDEX customers_dept_updated ON customers (owner_dept_id, updated_at DESC, id) WHERE deleted_at IS NULL;
CREATE INDEX customers_updated ON customers (updated_at DESC, id) WHERE deleted_at IS NULL;
CREATE INDEX customers_industry ON customers (industry) WHERE deleted_at IS NULL;
CREATE INDEX customers_grade ON customers (grade) WHERE deleted_at IS NULL;
CREATE INDEX customers_deleted ON customers (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX customers_created_by ON customers (created_by);
CREATE INDEX customers_updated_by ON customers (updated_by);
CREATE INDEX customers_deleted_by ON customers (deleted_by);
