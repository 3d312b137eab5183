-- C9: one normalised form of a company name for duplicate checks: full-width folded (NFKC),
-- lower case, legal-form suffixes, bracketed notes and punctuation removed.
-- 上海华创科技有限公司, 上海華創科技股份有限公司 and "上海华创科技 (集团)" share one key.
CREATE FUNCTION company_name_key(name text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT regexp_replace(
           regexp_replace(
             regexp_replace(lower(normalize(name, NFKC)), '[(（][^)）]*[)）]', '', 'g'),
             '(股份有限公司|有限责任公司|有限公司|集团公司|集团|公司|co\.?,?\s*ltd\.?|inc\.?|corp\.?|limited)$', '', 'g'),
           '[\s[:punct:]·、，。]+', '', 'g')
$$;

ALTER TABLE customers ADD COLUMN name_key text GENERATED ALWAYS AS (company_name_key(name)) STORED;
CREATE INDEX customers_name_key ON customers (name_key) WHERE deleted_at IS NULL;
CREATE INDEX customers_phone ON customers (phone) WHERE deleted_at IS NULL AND phone IS NOT NULL;

-- C3 leads (线索). owner_id is NULL while a lead sits in the public pool (公海).
CREATE TABLE leads (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  owner_id uuid REFERENCES users(id),
  owner_dept_id uuid REFERENCES departments(id),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  deleted_at timestamptz,
  deleted_by uuid REFERENCES users(id),

  company text NOT NULL,
  company_key text GENERATED ALWAYS AS (company_name_key(company)) STORED,
  contact_name text,
  title text,
  phone text,
  mobile text,
  email text,
  region text,
  industry text,
  source text,
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'contacted', 'qualified', 'disqualified', 'converted')),
  disqualify_reason text,
  remarks text,
  assigned_rule_id uuid,
  assigned_at timestamptz,
  converted_at timestamptz,
  converted_customer_id uuid REFERENCES customers(id),
  converted_contact_id uuid REFERENCES contacts(id),
  converted_opportunity_id uuid
);
CREATE INDEX leads_owner ON leads (owner_id, created_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX leads_dept ON leads (owner_dept_id, created_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX leads_pool ON leads (created_at DESC) WHERE deleted_at IS NULL AND owner_id IS NULL;
CREATE INDEX leads_status ON leads (status) WHERE deleted_at IS NULL;
CREATE INDEX leads_company_key ON leads (company_key) WHERE deleted_at IS NULL;
CREATE INDEX leads_mobile ON leads (mobile) WHERE deleted_at IS NULL AND mobile IS NOT NULL;
CREATE INDEX leads_converted_customer ON leads (converted_customer_id) WHERE converted_customer_id IS NOT NULL;
CREATE INDEX leads_converted_contact ON leads (converted_contact_id) WHERE converted_contact_id IS NOT NULL;
CREATE INDEX leads_deleted ON leads (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX leads_created_by ON leads (created_by);
CREATE INDEX leads_updated_by ON leads (updated_by);
CREATE INDEX leads_deleted_by ON leads (deleted_by);

-- Assignment rules, evaluated in position order; the first match assigns (C3).
CREATE TABLE lead_assignment_rules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  position integer NOT NULL,
  active boolean NOT NULL DEFAULT true,
  match_regions text[] NOT NULL DEFAULT '{}',
  match_industries text[] NOT NULL DEFAULT '{}',
  match_sources text[] NOT NULL DEFAULT '{}',
  strategy text NOT NULL CHECK (strategy IN ('user', 'round_robin')),
  user_ids uuid[] NOT NULL,
  rr_next integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX lead_assignment_rules_position ON lead_assignment_rules (position);
ALTER TABLE leads ADD CONSTRAINT leads_rule_fk FOREIGN KEY (assigned_rule_id) REFERENCES lead_assignment_rules(id) ON DELETE SET NULL;
CREATE INDEX leads_rule ON leads (assigned_rule_id) WHERE assigned_rule_id IS NOT NULL;
