-- O2 pipelines and their ordered stages. Every pipeline ends in one 'won' (100 %) and one 'lost'
-- (0 %) stage; open stages carry the default win probability and the range a rep may override
-- within. Stage labels come in the three UI languages, like picklists.
CREATE TABLE pipelines (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  key text UNIQUE,                       -- set for the shipped templates, NULL for the admin's own
  name text NOT NULL,
  is_default boolean NOT NULL DEFAULT false,
  active boolean NOT NULL DEFAULT true,
  sort_order integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX pipelines_one_default ON pipelines (is_default) WHERE is_default;

CREATE TABLE pipeline_stages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  pipeline_id uuid NOT NULL REFERENCES pipelines(id),
  key text NOT NULL,
  label_zh_cn text NOT NULL,
  label_zh_tw text NOT NULL,
  label_en text NOT NULL,
  kind text NOT NULL DEFAULT 'open' CHECK (kind IN ('open', 'won', 'lost')),
  position integer NOT NULL,
  probability numeric(5,2) NOT NULL CHECK (probability BETWEEN 0 AND 100),
  min_probability numeric(5,2) NOT NULL DEFAULT 0 CHECK (min_probability BETWEEN 0 AND 100),
  max_probability numeric(5,2) NOT NULL DEFAULT 100 CHECK (max_probability BETWEEN 0 AND 100),
  stalled_after_days integer CHECK (stalled_after_days > 0),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  UNIQUE (pipeline_id, key),
  CHECK (min_probability <= probability AND probability <= max_probability),
  CHECK (kind = 'open' OR (kind = 'won' AND probability = 100) OR (kind = 'lost' AND probability = 0))
);
CREATE INDEX pipeline_stages_pipeline ON pipeline_stages (pipeline_id, position);

-- O1 opportunities (商机), on the record base. `status` mirrors the stage's kind so reports filter
-- without a join; `probability` is the opportunity's own (the stage default unless the rep set it
-- within the stage's range); both change only through a stage move or an edit, with history.
CREATE TABLE opportunities (
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

  customer_id uuid NOT NULL REFERENCES customers(id),
  name text NOT NULL,
  amount numeric(14,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  currency char(3) NOT NULL DEFAULT 'CNY',
  pipeline_id uuid NOT NULL REFERENCES pipelines(id),
  stage_id uuid NOT NULL REFERENCES pipeline_stages(id),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'won', 'lost')),
  probability numeric(5,2) NOT NULL CHECK (probability BETWEEN 0 AND 100),
  expected_close_date date,
  source text,                            -- picklist 'opportunity_source'
  competitors text,
  next_step text,
  forecast_category text CHECK (forecast_category IN ('commit', 'best_case', 'pipeline', 'omitted')),
  lost_reason text,                       -- picklist 'lost_reason'
  lost_note text,
  description text,
  lead_id uuid REFERENCES leads(id),
  stage_entered_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz,                  -- set when the stage becomes won or lost
  last_follow_up_at timestamptz
);
CREATE INDEX opportunities_owner ON opportunities (owner_id, status, expected_close_date) INCLUDE (amount, probability, stage_id) WHERE deleted_at IS NULL;
CREATE INDEX opportunities_dept ON opportunities (owner_dept_id, status, expected_close_date) INCLUDE (amount, probability, stage_id, owner_id) WHERE deleted_at IS NULL;
CREATE INDEX opportunities_status_close ON opportunities (status, expected_close_date) INCLUDE (amount, probability, stage_id, owner_id, owner_dept_id) WHERE deleted_at IS NULL;
CREATE INDEX opportunities_board ON opportunities (pipeline_id, stage_id, updated_at DESC, id DESC) INCLUDE (owner_id, owner_dept_id) WHERE deleted_at IS NULL;
CREATE INDEX opportunities_updated ON opportunities (updated_at DESC, id DESC) INCLUDE (owner_id, owner_dept_id) WHERE deleted_at IS NULL;
CREATE INDEX opportunities_customer ON opportunities (customer_id) WHERE deleted_at IS NULL;
CREATE INDEX opportunities_closed ON opportunities (closed_at) INCLUDE (status, amount, owner_id, owner_dept_id) WHERE deleted_at IS NULL AND closed_at IS NOT NULL;
CREATE INDEX opportunities_deleted ON opportunities (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX opportunities_lead ON opportunities (lead_id) WHERE lead_id IS NOT NULL;
CREATE INDEX opportunities_created_by ON opportunities (created_by);
CREATE INDEX opportunities_updated_by ON opportunities (updated_by);
CREATE INDEX opportunities_deleted_by ON opportunities (deleted_by);
CREATE INDEX opportunities_stage ON opportunities (stage_id);

-- Contacts involved and their role (picklist 'contact_role': decision maker, influencer, user …).
CREATE TABLE opportunity_contacts (
  opportunity_id uuid NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
  contact_id uuid NOT NULL REFERENCES contacts(id),
  role text,
  PRIMARY KEY (opportunity_id, contact_id)
);
CREATE INDEX opportunity_contacts_contact ON opportunity_contacts (contact_id);

-- O4: one row per stay in a stage. The row keeps the probability and amount in force when the
-- stage was entered, so changing a stage's default later never rewrites the past.
CREATE TABLE opportunity_stage_history (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  opportunity_id uuid NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
  pipeline_id uuid NOT NULL REFERENCES pipelines(id),
  stage_id uuid NOT NULL REFERENCES pipeline_stages(id),
  from_stage_id uuid REFERENCES pipeline_stages(id),
  probability numeric(5,2) NOT NULL,
  amount numeric(14,2) NOT NULL,
  entered_at timestamptz NOT NULL,
  left_at timestamptz,
  changed_by uuid REFERENCES users(id)
);
CREATE INDEX opportunity_stage_history_opp ON opportunity_stage_history (opportunity_id, entered_at);
CREATE INDEX opportunity_stage_history_stage ON opportunity_stage_history (stage_id, entered_at);
CREATE INDEX opportunity_stage_history_from ON opportunity_stage_history (from_stage_id) WHERE from_stage_id IS NOT NULL;
CREATE INDEX opportunity_stage_history_changed_by ON opportunity_stage_history (changed_by);

-- The links made before opportunities existed become real foreign keys. No opportunity existed,
-- so any value there is dangling.
UPDATE follow_ups SET opportunity_id = NULL WHERE opportunity_id IS NOT NULL;
ALTER TABLE follow_ups ADD CONSTRAINT follow_ups_opportunity_fk FOREIGN KEY (opportunity_id) REFERENCES opportunities(id);
UPDATE leads SET converted_opportunity_id = NULL WHERE converted_opportunity_id IS NOT NULL;
ALTER TABLE leads ADD CONSTRAINT leads_converted_opportunity_fk FOREIGN KEY (converted_opportunity_id) REFERENCES opportunities(id);
CREATE INDEX leads_converted_opportunity ON leads (converted_opportunity_id) WHERE converted_opportunity_id IS NOT NULL;
