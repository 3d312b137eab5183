-- Q4, Q5: contracts from draft to effective, amendments (补充协议), execution progress per line.
CREATE TABLE contracts (
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

  number text NOT NULL UNIQUE,
  customer_id uuid NOT NULL REFERENCES customers(id),
  opportunity_id uuid REFERENCES opportunities(id),
  quote_id uuid REFERENCES quotes(id),
  title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 100),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_approval', 'effective', 'terminated', 'voided')),
  sign_date date,
  start_date date,
  end_date date CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date),
  payment_terms text,
  whole_discount numeric(5,2) NOT NULL DEFAULT 0 CHECK (whole_discount BETWEEN 0 AND 100),
  -- The lines' sum (less the whole-contract discount), plus every effective amendment's change.
  amount numeric(14,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  tax_total numeric(14,2) NOT NULL DEFAULT 0,
  cost_total numeric(14,2),
  effective_at timestamptz,
  -- Terminate or void: asked for with a reason, decided by its own approval.
  end_request text CHECK (end_request IN ('terminate', 'void')),
  end_reason text,
  ended_at timestamptz,
  notes text
);
CREATE INDEX contracts_owner ON contracts (owner_id, sign_date DESC) WHERE deleted_at IS NULL;
CREATE INDEX contracts_dept ON contracts (owner_dept_id, sign_date DESC) WHERE deleted_at IS NULL;
CREATE INDEX contracts_sign_date ON contracts (sign_date DESC, id) WHERE deleted_at IS NULL;
CREATE INDEX contracts_updated ON contracts (updated_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX contracts_customer ON contracts (customer_id, sign_date DESC);
CREATE INDEX contracts_opportunity ON contracts (opportunity_id) WHERE opportunity_id IS NOT NULL;
CREATE INDEX contracts_quote ON contracts (quote_id) WHERE quote_id IS NOT NULL;
CREATE INDEX contracts_status ON contracts (status) WHERE deleted_at IS NULL;
CREATE INDEX contracts_created_by ON contracts (created_by);
CREATE INDEX contracts_updated_by ON contracts (updated_by);
CREATE INDEX contracts_deleted_by ON contracts (deleted_by);
CREATE INDEX contracts_title_bigrams ON contracts USING gin (text_bigrams(title)) WHERE deleted_at IS NULL;

CREATE TABLE contract_amendments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  contract_id uuid NOT NULL REFERENCES contracts(id),
  number text NOT NULL UNIQUE,
  title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 100),
  reason text NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_approval', 'effective')),
  amount_change numeric(14,2) NOT NULL DEFAULT 0,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  effective_at timestamptz
);
CREATE INDEX contract_amendments_contract ON contract_amendments (contract_id, created_at);
CREATE INDEX contract_amendments_created_by ON contract_amendments (created_by);

-- A contract's lines; an amendment's lines carry its id and count once it is effective.
CREATE TABLE contract_lines (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  contract_id uuid NOT NULL REFERENCES contracts(id),
  amendment_id uuid REFERENCES contract_amendments(id),
  position integer NOT NULL CHECK (position >= 0),
  product_id uuid NOT NULL REFERENCES products(id),
  bundle_id uuid REFERENCES products(id),
  bundle_name text,
  code text NOT NULL,
  name text NOT NULL,
  specification text,
  unit text NOT NULL,
  -- An amendment may take quantity away (negative); a contract's own lines add.
  quantity numeric(12,2) NOT NULL CHECK (quantity <> 0 AND (amendment_id IS NOT NULL OR quantity > 0)),
  list_price numeric(14,2) NOT NULL CHECK (list_price >= 0),
  unit_price numeric(14,2) NOT NULL CHECK (unit_price >= 0),
  discount numeric(5,2) NOT NULL DEFAULT 0 CHECK (discount BETWEEN 0 AND 100),
  amount numeric(14,2) NOT NULL,
  tax_rate numeric(5,2) NOT NULL,
  tax_amount numeric(14,2) NOT NULL,
  effective_discount numeric(7,2) NOT NULL,
  cost_price numeric(14,2)
);
CREATE INDEX contract_lines_contract ON contract_lines (contract_id, position);
CREATE INDEX contract_lines_amendment ON contract_lines (amendment_id) WHERE amendment_id IS NOT NULL;
CREATE INDEX contract_lines_product ON contract_lines (product_id);
CREATE INDEX contract_lines_bundle ON contract_lines (bundle_id) WHERE bundle_id IS NOT NULL;

-- Q5: execution progress per line, every entry kept (percent or a milestone reached, when, by whom).
CREATE TABLE contract_line_progress (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  contract_id uuid NOT NULL REFERENCES contracts(id),
  line_id uuid NOT NULL REFERENCES contract_lines(id),
  percent numeric(5,2) NOT NULL CHECK (percent BETWEEN 0 AND 100),
  milestone text,
  reached_on date NOT NULL,
  note text,
  recorded_by uuid REFERENCES users(id),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX contract_line_progress_line ON contract_line_progress (line_id, recorded_at DESC);
CREATE INDEX contract_line_progress_contract ON contract_line_progress (contract_id, recorded_at DESC);
CREATE INDEX contract_line_progress_recorded_by ON contract_line_progress (recorded_by);

-- Q4: once a contract has left draft, its amount and lines change through no route, import or bulk
-- statement — only an effective amendment, which sets crm.amending for its own transaction.
CREATE FUNCTION contract_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  st text;
BEGIN
  IF current_setting('crm.amending', true) = 'on' THEN
    RETURN COALESCE(NEW, OLD);
  END IF;
  IF TG_TABLE_NAME = 'contracts' THEN
    IF OLD.status <> 'draft' AND (NEW.amount IS DISTINCT FROM OLD.amount OR NEW.whole_discount IS DISTINCT FROM OLD.whole_discount) THEN
      RAISE EXCEPTION 'contract % is no longer a draft: its amount cannot change', OLD.number USING ERRCODE = 'CR001';
    END IF;
    RETURN NEW;
  END IF;
  SELECT status INTO st FROM contracts WHERE id = COALESCE(NEW.contract_id, OLD.contract_id);
  IF st IS DISTINCT FROM 'draft' AND COALESCE(NEW.amendment_id, OLD.amendment_id) IS NULL THEN
    RAISE EXCEPTION 'contract is no longer a draft: its lines cannot change' USING ERRCODE = 'CR001';
  END IF;
  -- An amendment's lines change only while the amendment is a draft.
  IF COALESCE(NEW.amendment_id, OLD.amendment_id) IS NOT NULL
     AND (SELECT status FROM contract_amendments WHERE id = COALESCE(NEW.amendment_id, OLD.amendment_id)) <> 'draft' THEN
    RAISE EXCEPTION 'the amendment is no longer a draft: its lines cannot change' USING ERRCODE = 'CR001';
  END IF;
  RETURN COALESCE(NEW, OLD);
END $$;
CREATE TRIGGER contracts_frozen BEFORE UPDATE ON contracts FOR EACH ROW EXECUTE FUNCTION contract_frozen();
CREATE TRIGGER contract_lines_frozen BEFORE INSERT OR UPDATE OR DELETE ON contract_lines FOR EACH ROW EXECUTE FUNCTION contract_frozen();
