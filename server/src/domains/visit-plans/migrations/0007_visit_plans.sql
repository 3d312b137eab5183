-- C5 daily visit plans (拜访计划): planned the day before, fulfilled by a visit follow-up on that day.
CREATE TABLE visit_plans (
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

  plan_date date NOT NULL,
  customer_id uuid NOT NULL REFERENCES customers(id),
  contact_id uuid REFERENCES contacts(id),
  purpose text,
  fulfilled_by uuid REFERENCES follow_ups(id)
);
CREATE INDEX visit_plans_owner_date ON visit_plans (owner_id, plan_date) WHERE deleted_at IS NULL;
CREATE INDEX visit_plans_dept_date ON visit_plans (owner_dept_id, plan_date) WHERE deleted_at IS NULL;
CREATE INDEX visit_plans_date ON visit_plans (plan_date) WHERE deleted_at IS NULL;
CREATE INDEX visit_plans_customer ON visit_plans (customer_id, plan_date) WHERE deleted_at IS NULL;
CREATE INDEX visit_plans_contact ON visit_plans (contact_id) WHERE contact_id IS NOT NULL;
CREATE INDEX visit_plans_fulfilled ON visit_plans (fulfilled_by) WHERE fulfilled_by IS NOT NULL;
CREATE INDEX visit_plans_deleted ON visit_plans (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX visit_plans_created_by ON visit_plans (created_by);
CREATE INDEX visit_plans_updated_by ON visit_plans (updated_by);
CREATE INDEX visit_plans_deleted_by ON visit_plans (deleted_by);
-- One plan per customer per rep per day.
CREATE UNIQUE INDEX visit_plans_unique ON visit_plans (owner_id, plan_date, customer_id) WHERE deleted_at IS NULL;
