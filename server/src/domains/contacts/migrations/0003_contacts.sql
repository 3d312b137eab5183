-- C2 contacts belong to a customer; their owner follows the customer's owner.
CREATE TABLE contacts (
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
  title text,
  department text,
  role text,
  mobile text,
  phone text,
  email text,
  birthday date,
  notes text,
  is_primary boolean NOT NULL DEFAULT false
);
CREATE INDEX contacts_customer ON contacts (customer_id) WHERE deleted_at IS NULL;
CREATE INDEX contacts_owner ON contacts (owner_id, updated_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX contacts_dept ON contacts (owner_dept_id) WHERE deleted_at IS NULL;
CREATE INDEX contacts_deleted ON contacts (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX contacts_created_by ON contacts (created_by);
CREATE INDEX contacts_updated_by ON contacts (updated_by);
CREATE INDEX contacts_deleted_by ON contacts (deleted_by);
CREATE INDEX contacts_mobile ON contacts (mobile) WHERE deleted_at IS NULL;
