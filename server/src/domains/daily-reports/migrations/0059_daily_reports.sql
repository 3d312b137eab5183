-- T3 销售日报. The figures of a day are read live from the domains' registered sections; what is
-- stored is what only the rep can add (a comment, tomorrow's plan) and, once the day's report went
-- out, the snapshot that was sent. One row per rep and business day: the job can never send twice.
CREATE TABLE daily_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  owner_id uuid NOT NULL REFERENCES users(id),
  owner_dept_id uuid REFERENCES departments(id),
  day date NOT NULL,
  comment text CHECK (char_length(comment) <= 2000),
  plan text CHECK (char_length(plan) <= 2000),
  sections jsonb,
  activity_count integer,
  delivered_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users(id),
  UNIQUE (owner_id, day)
);
CREATE INDEX daily_reports_dept_day ON daily_reports (owner_dept_id, day);
CREATE INDEX daily_reports_day ON daily_reports (day);
CREATE INDEX daily_reports_updated_by ON daily_reports (updated_by);

-- One row per business day whose reports and team summaries went out: the catch-up after
-- downtime starts after the newest, and a day is delivered by exactly one run.
CREATE TABLE daily_report_runs (
  day date PRIMARY KEY,
  delivered_at timestamptz NOT NULL,
  reports integer NOT NULL,
  team_summaries integer NOT NULL
);
