-- C4 follow-up records (跟进记录): what a rep learned, when, and when to call again.
CREATE TABLE follow_ups (
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
  contact_id uuid REFERENCES contacts(id),
  -- Linked to an opportunity once the pipeline exists; the foreign key comes with that table.
  opportunity_id uuid,
  type text NOT NULL CHECK (type IN ('call', 'visit', 'meeting', 'email', 'note')),
  occurred_at timestamptz NOT NULL,
  content text NOT NULL,
  outcome text,
  next_follow_up_date date
);
-- The customer timeline and "last follow-up" read newest first per customer.
CREATE INDEX follow_ups_customer ON follow_ups (customer_id, occurred_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX follow_ups_owner ON follow_ups (owner_id, occurred_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX follow_ups_dept ON follow_ups (owner_dept_id, occurred_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX follow_ups_occurred ON follow_ups (occurred_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX follow_ups_next ON follow_ups (owner_id, next_follow_up_date) WHERE deleted_at IS NULL AND next_follow_up_date IS NOT NULL;
CREATE INDEX follow_ups_contact ON follow_ups (contact_id) WHERE contact_id IS NOT NULL;
CREATE INDEX follow_ups_opportunity ON follow_ups (opportunity_id) WHERE opportunity_id IS NOT NULL;
CREATE INDEX follow_ups_deleted ON follow_ups (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX follow_ups_created_by ON follow_ups (created_by);
CREATE INDEX follow_ups_updated_by ON follow_ups (updated_by);
CREATE INDEX follow_ups_deleted_by ON follow_ups (deleted_by);
