-- O6 / O7: live opportunities per (owner, owner's department, pipeline, stage, status), kept by the
-- triggers below in the writing transaction. Pipeline totals and the funnel read a few thousand rows
-- from here, filtered with the same scope rule, instead of every opportunity ever recorded.
-- amount_x_probability is Σ amount × probability (exact numeric): expected revenue is it ÷ 100.
CREATE TABLE opportunity_stage_totals (
  owner_id uuid NOT NULL,
  owner_dept_id uuid,
  pipeline_id uuid NOT NULL,
  stage_id uuid NOT NULL,
  status text NOT NULL,
  n integer NOT NULL,
  amount numeric NOT NULL,
  amount_x_probability numeric NOT NULL,
  CONSTRAINT opportunity_stage_totals_key UNIQUE NULLS NOT DISTINCT (owner_id, owner_dept_id, pipeline_id, stage_id, status)
);
CREATE INDEX opportunity_stage_totals_dept ON opportunity_stage_totals (owner_dept_id);
CREATE INDEX opportunity_stage_totals_pipeline ON opportunity_stage_totals (pipeline_id, stage_id);

CREATE FUNCTION opportunity_stage_totals_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO opportunity_stage_totals AS t (owner_id, owner_dept_id, pipeline_id, stage_id, status, n, amount, amount_x_probability)
    SELECT owner_id, owner_dept_id, pipeline_id, stage_id, status, count(*), sum(amount), sum(amount * probability)
      FROM new_rows WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT ON CONSTRAINT opportunity_stage_totals_key DO UPDATE
      SET n = t.n + excluded.n, amount = t.amount + excluded.amount, amount_x_probability = t.amount_x_probability + excluded.amount_x_probability;
  ELSIF TG_OP = 'UPDATE' THEN
    -- Net change per group: an edit that keeps owner, stage, amount and probability writes nothing here.
    INSERT INTO opportunity_stage_totals AS t (owner_id, owner_dept_id, pipeline_id, stage_id, status, n, amount, amount_x_probability)
    SELECT owner_id, owner_dept_id, pipeline_id, stage_id, status, sum(d), sum(d * amount), sum(d * amount * probability) FROM (
      SELECT owner_id, owner_dept_id, pipeline_id, stage_id, status, amount, probability, -1 AS d FROM old_rows WHERE deleted_at IS NULL
      UNION ALL
      SELECT owner_id, owner_dept_id, pipeline_id, stage_id, status, amount, probability, 1 FROM new_rows WHERE deleted_at IS NULL
    ) AS delta
    GROUP BY 1, 2, 3, 4, 5
    HAVING sum(d) <> 0 OR sum(d * amount) <> 0 OR sum(d * amount * probability) <> 0
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT ON CONSTRAINT opportunity_stage_totals_key DO UPDATE
      SET n = t.n + excluded.n, amount = t.amount + excluded.amount, amount_x_probability = t.amount_x_probability + excluded.amount_x_probability;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO opportunity_stage_totals AS t (owner_id, owner_dept_id, pipeline_id, stage_id, status, n, amount, amount_x_probability)
    SELECT owner_id, owner_dept_id, pipeline_id, stage_id, status, -count(*), -sum(amount), -sum(amount * probability)
      FROM old_rows WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT ON CONSTRAINT opportunity_stage_totals_key DO UPDATE
      SET n = t.n + excluded.n, amount = t.amount + excluded.amount, amount_x_probability = t.amount_x_probability + excluded.amount_x_probability;
  ELSE
    DELETE FROM opportunity_stage_totals;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER opportunity_stage_totals_insert AFTER INSERT ON opportunities
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION opportunity_stage_totals_apply();
CREATE TRIGGER opportunity_stage_totals_update AFTER UPDATE ON opportunities
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION opportunity_stage_totals_apply();
CREATE TRIGGER opportunity_stage_totals_delete AFTER DELETE ON opportunities
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION opportunity_stage_totals_apply();
CREATE TRIGGER opportunity_stage_totals_truncate AFTER TRUNCATE ON opportunities
  FOR EACH STATEMENT EXECUTE FUNCTION opportunity_stage_totals_apply();
INSERT INTO opportunity_stage_totals (owner_id, owner_dept_id, pipeline_id, stage_id, status, n, amount, amount_x_probability)
SELECT owner_id, owner_dept_id, pipeline_id, stage_id, status, count(*), sum(amount), sum(amount * probability)
  FROM opportunities WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5;

-- O5: the forecast reads open opportunities by expected close date and won ones by close instant;
-- these carry every column the reports read, so the company's and a rep's figures come from the
-- index alone.
CREATE INDEX opportunities_open_close ON opportunities (expected_close_date)
  INCLUDE (owner_id, owner_dept_id, pipeline_id, amount, probability, forecast_category) WHERE deleted_at IS NULL AND status = 'open';
CREATE INDEX opportunities_owner_open_close ON opportunities (owner_id, expected_close_date)
  INCLUDE (owner_dept_id, pipeline_id, amount, probability, forecast_category) WHERE deleted_at IS NULL AND status = 'open';
CREATE INDEX opportunities_won_closed ON opportunities (closed_at)
  INCLUDE (owner_id, owner_dept_id, pipeline_id, amount) WHERE deleted_at IS NULL AND status = 'won';
CREATE INDEX opportunities_owner_won_closed ON opportunities (owner_id, closed_at)
  INCLUDE (owner_dept_id, pipeline_id, amount) WHERE deleted_at IS NULL AND status = 'won';
-- O8 / T6: sources and industries by creation date; stage conversion reads the stays that began in
-- a period (with what the window over each opportunity's stays needs) from the index alone.
CREATE INDEX opportunities_created ON opportunities (created_at)
  INCLUDE (owner_id, owner_dept_id, pipeline_id, customer_id, lead_id, source, status, amount, closed_at) WHERE deleted_at IS NULL;
CREATE INDEX opportunity_stage_history_entered ON opportunity_stage_history (entered_at)
  INCLUDE (opportunity_id, stage_id, left_at, id);

-- O5: a manager's own number for his team's month, with a note; the opportunities stay as they are.
-- Rows are never changed: the latest one per department and month is in force, the rest is its
-- history. A NULL amount withdraws the adjustment.
CREATE TABLE forecast_adjustments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  department_id uuid NOT NULL REFERENCES departments(id),
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  amount numeric(14,2) CHECK (amount >= 0),
  note text NOT NULL,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX forecast_adjustments_dept_month ON forecast_adjustments (department_id, month, created_at DESC, id DESC);
CREATE INDEX forecast_adjustments_created_by ON forecast_adjustments (created_by);

-- O5: the weekly pipeline snapshot (one per ISO week, Monday in the company time zone), so the
-- forecast as it stood can later be set against what was actually signed. One row per owner,
-- owner's department, pipeline and month of expected close, for the months from the snapshot's on.
CREATE TABLE pipeline_snapshot_runs (
  week_start date PRIMARY KEY,
  taken_on date NOT NULL,
  taken_at timestamptz NOT NULL DEFAULT now(),
  threshold numeric(5,2) NOT NULL,
  groups integer NOT NULL DEFAULT 0
);
CREATE INDEX pipeline_snapshot_runs_taken_on ON pipeline_snapshot_runs (taken_on);

CREATE TABLE pipeline_snapshots (
  week_start date NOT NULL REFERENCES pipeline_snapshot_runs(week_start) ON DELETE CASCADE,
  owner_id uuid NOT NULL REFERENCES users(id),
  owner_dept_id uuid REFERENCES departments(id),
  pipeline_id uuid NOT NULL REFERENCES pipelines(id),
  close_month date NOT NULL,
  open_count integer NOT NULL,
  open_amount numeric NOT NULL,
  forecast_count integer NOT NULL,
  -- Σ amount × probability ÷ 100 over the open opportunities at or above the threshold, unrounded.
  forecast_amount numeric NOT NULL,
  commit_amount numeric NOT NULL,
  best_case_amount numeric NOT NULL,
  pipeline_amount numeric NOT NULL,
  CONSTRAINT pipeline_snapshots_key UNIQUE NULLS NOT DISTINCT (week_start, close_month, owner_id, owner_dept_id, pipeline_id)
);
CREATE INDEX pipeline_snapshots_owner ON pipeline_snapshots (owner_id, close_month);
CREATE INDEX pipeline_snapshots_dept ON pipeline_snapshots (owner_dept_id);
CREATE INDEX pipeline_snapshots_pipeline ON pipeline_snapshots (pipeline_id);
