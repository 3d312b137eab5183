-- Global search reads the newest rows in scope first (search-providers.ts, newestMatches): the
-- contacts need an index in that order, as customers, notes and follow-ups already have.
CREATE INDEX contacts_updated ON contacts (updated_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX contacts_dept_updated ON contacts (owner_dept_id, updated_at DESC, id DESC) WHERE deleted_at IS NULL;
