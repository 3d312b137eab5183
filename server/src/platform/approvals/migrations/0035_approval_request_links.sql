-- A document may name its own page when submitted (an amendment opens its contract's page).
ALTER TABLE approval_requests ADD COLUMN link text;
