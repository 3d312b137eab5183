-- Q2: quotes (报价单) built from the catalogue, with versions, discount limits per role and approval.
CREATE TABLE quotes (
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

  number text NOT NULL,
  -- 1 for the first; a revision copies the quote as the next version, the old one stays readable.
  revision integer NOT NULL DEFAULT 1 CHECK (revision >= 1),
  supersedes_id uuid REFERENCES quotes(id),
  opportunity_id uuid NOT NULL REFERENCES opportunities(id),
  customer_id uuid NOT NULL REFERENCES customers(id),
  title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 100),
  status text NOT NULL DEFAULT 'draft'
    CHECK (status IN ('draft', 'in_approval', 'approved', 'sent', 'accepted', 'rejected', 'expired', 'superseded')),
  valid_until date,
  whole_discount numeric(5,2) NOT NULL DEFAULT 0 CHECK (whole_discount BETWEEN 0 AND 100),
  list_total numeric(14,2) NOT NULL DEFAULT 0,
  subtotal numeric(14,2) NOT NULL DEFAULT 0,
  total numeric(14,2) NOT NULL DEFAULT 0 CHECK (total >= 0),
  tax_total numeric(14,2) NOT NULL DEFAULT 0,
  overall_discount numeric(7,2) NOT NULL DEFAULT 0,
  max_discount numeric(7,2) NOT NULL DEFAULT 0,
  cost_total numeric(14,2),
  -- Set when submitted: did it need approval by the submitter's limit?
  needed_approval boolean,
  approved_at timestamptz,
  sent_at timestamptz,
  accepted_at timestamptz,
  customer_rejected_at timestamptz,
  customer_reject_reason text,
  notes text,
  terms text,
  UNIQUE (number, revision)
);
CREATE INDEX quotes_owner ON quotes (owner_id, updated_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX quotes_dept ON quotes (owner_dept_id, updated_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX quotes_updated ON quotes (updated_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX quotes_opportunity ON quotes (opportunity_id, revision DESC);
CREATE INDEX quotes_customer ON quotes (customer_id, created_at DESC);
CREATE INDEX quotes_status ON quotes (status, valid_until) WHERE deleted_at IS NULL;
CREATE INDEX quotes_supersedes ON quotes (supersedes_id) WHERE supersedes_id IS NOT NULL;
CREATE INDEX quotes_created_by ON quotes (created_by);
CREATE INDEX quotes_updated_by ON quotes (updated_by);
CREATE INDEX quotes_deleted_by ON quotes (deleted_by);

-- The lines keep what the catalogue said when quoted (code, name, list price, cost): later price
-- changes never rewrite a quote.
CREATE TABLE quote_lines (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  quote_id uuid NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position >= 0),
  product_id uuid NOT NULL REFERENCES products(id),
  bundle_id uuid REFERENCES products(id),
  bundle_name text,
  code text NOT NULL,
  name text NOT NULL,
  specification text,
  unit text NOT NULL,
  quantity numeric(12,2) NOT NULL CHECK (quantity > 0),
  list_price numeric(14,2) NOT NULL CHECK (list_price >= 0),
  unit_price numeric(14,2) NOT NULL CHECK (unit_price >= 0),
  discount numeric(5,2) NOT NULL DEFAULT 0 CHECK (discount BETWEEN 0 AND 100),
  amount numeric(14,2) NOT NULL,
  tax_rate numeric(5,2) NOT NULL CHECK (tax_rate BETWEEN 0 AND 100),
  tax_amount numeric(14,2) NOT NULL,
  effective_discount numeric(7,2) NOT NULL,
  cost_price numeric(14,2),
  UNIQUE (quote_id, position)
);
CREATE INDEX quote_lines_product ON quote_lines (product_id);
CREATE INDEX quote_lines_bundle ON quote_lines (bundle_id) WHERE bundle_id IS NOT NULL;

-- The largest discount a role may give without approval (admin setting; a user with several roles
-- has the largest of them). A role without a row uses the built-in default for its key.
CREATE TABLE quote_discount_limits (
  role_id uuid PRIMARY KEY REFERENCES roles(id) ON DELETE CASCADE,
  max_discount numeric(5,2) NOT NULL CHECK (max_discount BETWEEN 0 AND 100),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users(id)
);

-- Accepting a quote moves its opportunity to the stage its pipeline names here (if any).
CREATE TABLE quote_pipeline_stages (
  pipeline_id uuid PRIMARY KEY REFERENCES pipelines(id) ON DELETE CASCADE,
  stage_id uuid NOT NULL REFERENCES pipeline_stages(id) ON DELETE CASCADE
);
