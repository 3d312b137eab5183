-- Platform tables: organisation, access, sessions, history, picklists, settings.
-- Every business table later repeats the record base columns (see records/record-base.ts).

CREATE TABLE departments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  parent_id uuid REFERENCES departments(id),
  manager_id uuid,
  sort_order integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  deleted_at timestamptz
);
CREATE UNIQUE INDEX departments_name_live ON departments (parent_id, lower(name)) WHERE deleted_at IS NULL;
CREATE INDEX departments_parent ON departments (parent_id);

CREATE TABLE roles (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  key text NOT NULL UNIQUE,
  name text NOT NULL,
  built_in boolean NOT NULL DEFAULT false,
  data_scope text NOT NULL CHECK (data_scope IN ('own', 'department', 'all')),
  permissions jsonb NOT NULL DEFAULT '[]'::jsonb,
  max_discount_pct numeric(5,2),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL,
  display_name text NOT NULL,
  email text,
  mobile text,
  password_hash text NOT NULL,
  department_id uuid REFERENCES departments(id),
  active boolean NOT NULL DEFAULT true,
  locale text NOT NULL DEFAULT 'zh-CN',
  totp_secret text,
  totp_enabled boolean NOT NULL DEFAULT false,
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  last_login_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX users_username ON users (lower(username));
CREATE INDEX users_department ON users (department_id);
ALTER TABLE departments ADD CONSTRAINT departments_manager_fk FOREIGN KEY (manager_id) REFERENCES users(id);
CREATE INDEX departments_manager ON departments (manager_id);

CREATE TABLE user_roles (
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role_id uuid NOT NULL REFERENCES roles(id),
  PRIMARY KEY (user_id, role_id)
);
CREATE INDEX user_roles_role ON user_roles (role_id);

CREATE TABLE sessions (
  id text PRIMARY KEY, -- sha256 of the cookie value; the cookie itself is never stored
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

CREATE TABLE login_failures (
  key text PRIMARY KEY, -- 'user:<lower username>' or 'ip:<address>'
  failures integer NOT NULL DEFAULT 0,
  first_failed_at timestamptz NOT NULL DEFAULT now(),
  locked_until timestamptz
);

CREATE TABLE api_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  prefix text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  expires_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

-- P3: one row per changed field; create/delete/restore/transfer rows carry field NULL.
CREATE TABLE record_history (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entity text NOT NULL,
  record_id uuid NOT NULL,
  action text NOT NULL,
  field text,
  old_value jsonb,
  new_value jsonb,
  actor_id uuid REFERENCES users(id),
  request_id text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX record_history_record ON record_history (entity, record_id, at DESC);
CREATE INDEX record_history_actor ON record_history (actor_id);

-- P5: admin-managed picklists. A used value can be deactivated, never deleted.
CREATE TABLE picklist_values (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  list text NOT NULL,
  code text NOT NULL,
  label_zh_cn text NOT NULL,
  label_zh_tw text NOT NULL,
  label_en text NOT NULL,
  sort_order integer NOT NULL DEFAULT 0,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  UNIQUE (list, code)
);

CREATE TABLE app_settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
