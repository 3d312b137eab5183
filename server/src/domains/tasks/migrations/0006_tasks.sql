-- C5 tasks and to-dos (任务/待办). The owner is the assignee: scopes and transfers treat them like any record.
CREATE TABLE tasks (
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

  title text NOT NULL,
  description text,
  due_at timestamptz,
  priority text NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done', 'cancelled')),
  remind_at timestamptz,
  completed_at timestamptz,
  customer_id uuid REFERENCES customers(id),
  contact_id uuid REFERENCES contacts(id)
);
CREATE INDEX tasks_owner_due ON tasks (owner_id, due_at) WHERE deleted_at IS NULL;
CREATE INDEX tasks_dept_due ON tasks (owner_dept_id, due_at) WHERE deleted_at IS NULL;
CREATE INDEX tasks_due ON tasks (due_at) WHERE deleted_at IS NULL;
CREATE INDEX tasks_customer ON tasks (customer_id, created_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX tasks_remind ON tasks (remind_at) WHERE deleted_at IS NULL AND status IN ('open', 'in_progress') AND remind_at IS NOT NULL;
CREATE INDEX tasks_contact ON tasks (contact_id) WHERE contact_id IS NOT NULL;
CREATE INDEX tasks_deleted ON tasks (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX tasks_created_by ON tasks (created_by);
CREATE INDEX tasks_updated_by ON tasks (updated_by);
CREATE INDEX tasks_deleted_by ON tasks (deleted_by);
