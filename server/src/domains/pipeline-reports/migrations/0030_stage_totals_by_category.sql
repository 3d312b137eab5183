-- The shared report filter `category` (issue 18) means the deal's forecast category in pipeline
-- reports. The totals and the funnel read the trigger-kept counter table, so it keeps one row per
-- category as well; every reader sums over the groups, so nothing else changes.
ALTER TABLE opportunity_stage_totals DROP CONSTRAINT opportunity_stage_totals_key;
ALTER TABLE opportunity_stage_totals ADD COLUMN forecast_category text;
DELETE FROM opportunity_stage_totals;
ALTER TABLE opportunity_stage_totals ADD CONSTRAINT opportunity_stage_totals_key
  UNIQUE NULLS NOT DISTINCT (owner_id, owner_dept_id, pipeline_id, stage_id, status, forecast_category);

CREATE OR REPLACE FUNCTION opportunity_stage_totals_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO opportunity_stage_totals AS t (owner_id, owner_dept_id, pipeline_id, stage_id, status, forecast_category, n, amount, amount_x_probability)
    SELECT owner_id, owner_dept_id, pipeline_id, stage_id, status, forecast_category, count(*), sum(amount), sum(amount * probability)
      FROM new_rows WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ON CONSTRAINT opportunity_stage_totals_key DO UPDATE
      SET n = t.n + excluded.n, amount = t.amount + excluded.amount, amount_x_probability = t.amount_x_probability + excluded.amount_x_probability;
  ELSIF TG_OP = 'UPDATE' THEN
    -- Net change per group: an edit that keeps owner, stage, category, amount and probability writes nothing here.
    INSERT INTO opportunity_stage_totals AS t (owner_id, owner_dept_id, pipeline_id, stage_id, status, forecast_category, n, amount, amount_x_probability)
    SELECT owner_id, owner_dept_id, pipeline_id, stage_id, status, forecast_category, sum(d), sum(d * amount), sum(d * amount * probability) FROM (
      SELECT owner_id, owner_dept_id, pipeline_id, stage_id, status, forecast_category, amount, probability, -1 AS d FROM old_rows WHERE deleted_at IS NULL
      UNION ALL
      SELECT owner_id, owner_dept_id, pipeline_id, stage_id, status, forecast_category, amount, probability, 1 FROM new_rows WHERE deleted_at IS NULL
    ) AS delta
    GROUP BY 1, 2, 3, 4, 5, 6
    HAVING sum(d) <> 0 OR sum(d * amount) <> 0 OR sum(d * amount * probability) <> 0
    ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ON CONSTRAINT opportunity_stage_totals_key DO UPDATE
      SET n = t.n + excluded.n, amount = t.amount + excluded.amount, amount_x_probability = t.amount_x_probability + excluded.amount_x_probability;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO opportunity_stage_totals AS t (owner_id, owner_dept_id, pipeline_id, stage_id, status, forecast_category, n, amount, amount_x_probability)
    SELECT owner_id, owner_dept_id, pipeline_id, stage_id, status, forecast_category, -count(*), -sum(amount), -sum(amount * probability)
      FROM old_rows WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ON CONSTRAINT opportunity_stage_totals_key DO UPDATE
      SET n = t.n + excluded.n, amount = t.amount + excluded.amount, amount_x_probability = t.amount_x_probability + excluded.amount_x_probability;
  ELSE
    DELETE FROM opportunity_stage_totals;
  END IF;
  RETURN NULL;
END $$;

INSERT INTO opportunity_stage_totals (owner_id, owner_dept_id, pipeline_id, stage_id, status, forecast_category, n, amount, amount_x_probability)
SELECT owner_id, owner_dept_id, pipeline_id, stage_id, status, forecast_category, count(*), sum(amount), sum(amount * probability)
  FROM opportunities WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5, 6;
