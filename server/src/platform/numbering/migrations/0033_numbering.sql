-- Document numbers (HT-2026-12-0001, BJ-20261205-001): one counter row per series and period.
-- A number is taken by an upsert in the document's own transaction, so the row lock makes two
-- creators wait for each other (unique) and a rolled-back creation gives its number back (gap-free).
CREATE TABLE number_series (
  key text PRIMARY KEY,
  pattern text NOT NULL CHECK (length(pattern) BETWEEN 1 AND 60),
  reset text NOT NULL CHECK (reset IN ('never', 'daily', 'monthly', 'yearly')),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users(id)
);

CREATE TABLE number_counters (
  key text NOT NULL,
  -- '' for a series that never resets, else the day, month or year it counts in (company time zone).
  period text NOT NULL,
  last_value bigint NOT NULL CHECK (last_value > 0),
  PRIMARY KEY (key, period)
);
