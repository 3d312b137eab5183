-- Q3: the approval engine. Flows are versioned: a request keeps the version it started with, so
-- editing a flow never changes requests already under way.
CREATE TABLE approval_flow_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  document_type text NOT NULL,
  version integer NOT NULL,
  definition jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users(id),
  UNIQUE (document_type, version)
);

-- One request per submission. At most one is pending per document.
CREATE TABLE approval_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  document_type text NOT NULL,
  document_id uuid NOT NULL,
  flow_version_id uuid NOT NULL REFERENCES approval_flow_versions(id),
  status text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn')),
  -- 1 at the first submission; a resubmission after a rejection continues the same request's story
  -- in a new request with round + 1.
  round integer NOT NULL DEFAULT 1,
  current_step integer,
  -- Which steps apply (their condition held at submission), e.g. {true,false,true}.
  applies boolean[] NOT NULL,
  facts jsonb NOT NULL DEFAULT '{}',
  title text NOT NULL,
  amount numeric(16,2),
  customer_id uuid,
  submitted_by uuid NOT NULL REFERENCES users(id),
  owner_id uuid REFERENCES users(id),
  submitted_at timestamptz NOT NULL DEFAULT now(),
  step_started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE UNIQUE INDEX approval_requests_one_pending ON approval_requests (document_type, document_id) WHERE status = 'pending';
CREATE INDEX approval_requests_document ON approval_requests (document_type, document_id, submitted_at DESC);
CREATE INDEX approval_requests_submitted_by ON approval_requests (submitted_by, submitted_at DESC);
CREATE INDEX approval_requests_customer ON approval_requests (customer_id) WHERE customer_id IS NOT NULL;

-- One task per approver entry of a step: 'any' completes when one task is approved, 'all' when every
-- one is. A task lists the users who may act on it (a role resolves to its members); 'waiting' tasks
-- belong to steps not reached yet.
CREATE TABLE approval_tasks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  request_id uuid NOT NULL REFERENCES approval_requests(id) ON DELETE CASCADE,
  step integer NOT NULL,
  slot integer NOT NULL,
  status text NOT NULL CHECK (status IN ('waiting', 'pending', 'approved', 'rejected', 'cancelled')),
  approver_ids uuid[] NOT NULL,
  via_fallback boolean NOT NULL DEFAULT false,
  acted_by uuid REFERENCES users(id),
  acted_at timestamptz,
  comment text,
  UNIQUE (request_id, step, slot)
);
-- 待我审批: the pending tasks that list me, newest first; a GIN over the few pending rows only.
CREATE INDEX approval_tasks_pending_approvers ON approval_tasks USING gin (approver_ids) WHERE status = 'pending';
CREATE INDEX approval_tasks_acted_by ON approval_tasks (acted_by, acted_at DESC) WHERE acted_by IS NOT NULL;

-- The document's approval history (and the customer's timeline): every action, never changed.
CREATE TABLE approval_actions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The order actions happened in, also within one transaction (one instant).
  seq bigint GENERATED ALWAYS AS IDENTITY,
  request_id uuid NOT NULL REFERENCES approval_requests(id) ON DELETE CASCADE,
  document_type text NOT NULL,
  document_id uuid NOT NULL,
  customer_id uuid,
  kind text NOT NULL,
  step integer,
  actor_id uuid REFERENCES users(id),
  comment text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX approval_actions_document ON approval_actions (document_type, document_id, seq);
CREATE INDEX approval_actions_request ON approval_actions (request_id, seq);
CREATE INDEX approval_actions_customer ON approval_actions (customer_id, created_at DESC) WHERE customer_id IS NOT NULL;

-- Delegation while away: the delegate acts for the user on the days given (company time zone).
CREATE TABLE approval_delegations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users(id),
  delegate_id uuid NOT NULL REFERENCES users(id) CHECK (delegate_id <> user_id),
  starts_on date NOT NULL,
  ends_on date NOT NULL CHECK (ends_on >= starts_on),
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE INDEX approval_delegations_user ON approval_delegations (user_id, starts_on) WHERE revoked_at IS NULL;
CREATE INDEX approval_delegations_delegate ON approval_delegations (delegate_id, starts_on) WHERE revoked_at IS NULL;
