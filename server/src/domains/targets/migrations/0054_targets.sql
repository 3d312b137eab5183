-- T1 销售目标 (seed 001: 目标分解). A target is set per type and year for the whole company
-- (department_id NULL) or one department, and split into cells: one per person of the department or
-- direct sub-department, per month. Quarter and year figures are sums of the months.
CREATE TABLE targets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  owner_id uuid NOT NULL REFERENCES users(id),
  -- The target's department (what a manager's department scope reveals); the setter's for the company.
  owner_dept_id uuid REFERENCES departments(id),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  deleted_at timestamptz,
  deleted_by uuid REFERENCES users(id),

  type text NOT NULL CHECK (type IN ('signed_amount', 'gross_margin', 'collections', 'new_customers', 'won_opportunities')),
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  department_id uuid REFERENCES departments(id),
  -- Optionally for one product category (signed amounts, by contract lines) or one region (the customer's).
  dimension text CHECK (dimension IN ('product_category', 'region')),
  dimension_value text CHECK (char_length(dimension_value) <= 100),
  CHECK ((dimension IS NULL) = (dimension_value IS NULL)),
  -- What history and the recycle bin name it by: "2027 华东 签约金额".
  title text NOT NULL CHECK (char_length(title) <= 200),
  amount numeric(14,2) NOT NULL CHECK (amount >= 0),
  split_method text NOT NULL DEFAULT 'manual' CHECK (split_method IN ('even', 'last_year', 'manual')),
  notes text CHECK (char_length(notes) <= 500),
  -- Once the year has started a target is locked; an administrator's reopening lifts that until he locks it again.
  reopened_at timestamptz,
  reopened_by uuid REFERENCES users(id)
);
-- One live target per type, year, department (the company counts as one "department") and dimension.
CREATE UNIQUE INDEX targets_key ON targets (type, year, department_id, dimension, dimension_value) NULLS NOT DISTINCT WHERE deleted_at IS NULL;
CREATE INDEX targets_department ON targets (department_id) WHERE deleted_at IS NULL;
CREATE INDEX targets_owner ON targets (owner_id);
CREATE INDEX targets_owner_dept ON targets (owner_dept_id);
CREATE INDEX targets_deleted ON targets (deleted_at) WHERE deleted_at IS NOT NULL;

CREATE TABLE target_cells (
  target_id uuid NOT NULL REFERENCES targets(id) ON DELETE CASCADE,
  user_id uuid REFERENCES users(id),
  department_id uuid REFERENCES departments(id),
  month smallint NOT NULL CHECK (month BETWEEN 1 AND 12),
  amount numeric(14,2) NOT NULL CHECK (amount >= 0),
  CHECK ((user_id IS NULL) <> (department_id IS NULL)),
  CONSTRAINT target_cells_key UNIQUE NULLS NOT DISTINCT (target_id, user_id, department_id, month)
);
-- A person's targets across departments (attainment), a sub-department's allocation from its parent.
CREATE INDEX target_cells_user ON target_cells (user_id) WHERE user_id IS NOT NULL;
CREATE INDEX target_cells_department ON target_cells (department_id) WHERE department_id IS NOT NULL;
