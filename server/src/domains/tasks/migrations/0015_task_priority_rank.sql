-- Sorting by priority means low < normal < high < urgent, not the words' alphabetical order.
ALTER TABLE tasks ADD COLUMN priority_rank smallint GENERATED ALWAYS AS (
  CASE priority WHEN 'low' THEN 1 WHEN 'normal' THEN 2 WHEN 'high' THEN 3 WHEN 'urgent' THEN 4 END
) STORED;
