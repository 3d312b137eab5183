-- C7 grading: a manual potential score per customer, and where the grade came from. 'auto' grades
-- are the rules'; a 'manual' grade (set by a person) is kept by the nightly evaluation until
-- someone hands it back to the rules.
ALTER TABLE customers ADD COLUMN potential_score smallint CHECK (potential_score BETWEEN 0 AND 100);
ALTER TABLE customers ADD COLUMN grade_source text CHECK (grade_source IN ('auto', 'manual'));
ALTER TABLE customers ADD COLUMN grade_evaluated_at timestamptz;
-- Grades set before the rules existed were set by people.
UPDATE customers SET grade_source = 'manual' WHERE grade IS NOT NULL;
