-- P4: which records went into the recycle bin together with another (dependant-registry.ts): a
-- customer's contacts, deals and follow-ups go with it and come back with it. A row lives only
-- while its record is in the bin; `deleted_at` is the instant shared with the parent, so a record
-- deleted on its own later is never mistaken for one that went with the parent. `root` is the
-- record whose deletion started the cascade: the bin counts what went with it in one read.
CREATE TABLE record_deleted_with (
  entity text NOT NULL,
  record_id uuid NOT NULL,
  parent_entity text NOT NULL,
  parent_id uuid NOT NULL,
  root_entity text NOT NULL,
  root_id uuid NOT NULL,
  deleted_at timestamptz NOT NULL,
  PRIMARY KEY (entity, record_id)
);
CREATE INDEX record_deleted_with_parent ON record_deleted_with (parent_entity, parent_id);
CREATE INDEX record_deleted_with_root ON record_deleted_with (root_entity, root_id, entity);
