-- Learned probabilities (T6) ask, of the opportunities closed in a period, which stages each had been
-- in. Reading that from the stage history joined a year's closed opportunities with millions of
-- history rows and sorted them for DISTINCT (2.5-4 s at 2M opportunities). The set is kept on the
-- opportunity instead, so the report is one scan of the closed opportunities.
ALTER TABLE opportunities ADD COLUMN visited_stage_ids uuid[] NOT NULL DEFAULT '{}';

UPDATE opportunities o SET visited_stage_ids = v.ids
  FROM (SELECT opportunity_id, array_agg(DISTINCT stage_id) AS ids FROM opportunity_stage_history GROUP BY 1) v
 WHERE v.opportunity_id = o.id;

-- Kept from the history itself, whoever writes it (a stage move, lead conversion, demo data, bulk
-- loads): every stage an opportunity entered is added once; history rows are never deleted on
-- their own (only with their opportunity), so the set only grows.
CREATE FUNCTION opportunity_visited_stages_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE opportunities o
     SET visited_stage_ids = ARRAY(SELECT DISTINCT x FROM unnest(o.visited_stage_ids || n.ids) AS x)
    FROM (SELECT opportunity_id, array_agg(DISTINCT stage_id) AS ids FROM new_rows GROUP BY 1) n
   WHERE o.id = n.opportunity_id AND NOT o.visited_stage_ids @> n.ids;
  RETURN NULL;
END $$;

CREATE TRIGGER opportunity_visited_stages AFTER INSERT ON opportunity_stage_history
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION opportunity_visited_stages_apply();

-- The closed opportunities' index (0013) carries the set and the pipeline too, so the learned
-- probabilities of a year read the index alone (2.5-4 s before, about 0.25 s at 2M opportunities).
DROP INDEX opportunities_closed;
CREATE INDEX opportunities_closed ON opportunities (closed_at)
  INCLUDE (status, amount, owner_id, owner_dept_id, pipeline_id, visited_stage_ids)
  WHERE deleted_at IS NULL AND closed_at IS NOT NULL;
