-- P4: before the record base cascaded a customer's deletion, its contacts, deals, follow-ups, tasks
-- and visit plans stayed live while it sat in the recycle bin (the deal list and board still showed
-- them). They go into the bin now, at the customer's instant and by the same person, marked as
-- deleted with it (record_deleted_with, 0026) so restoring the customer brings them back, each
-- with a history row naming the customer. The relations are the ones each domain registers with
-- registerDependant (its *-entity.ts).
WITH moved AS (
  UPDATE contacts d SET deleted_at = c.deleted_at, deleted_by = c.deleted_by, version = d.version + 1, updated_at = now()
    FROM customers c
   WHERE c.id = d.customer_id AND c.deleted_at IS NOT NULL AND d.deleted_at IS NULL
  RETURNING d.id, c.id AS customer_id, c.name AS customer_name, c.deleted_at
), marked AS (
  INSERT INTO record_deleted_with (entity, record_id, parent_entity, parent_id, root_entity, root_id, deleted_at)
  SELECT 'contact', id, 'customer', customer_id, 'customer', customer_id, deleted_at FROM moved
)
INSERT INTO record_history (entity, record_id, action, field, new_value)
SELECT 'contact', id, 'delete', 'deleted_with', jsonb_build_object('entity', 'customer', 'id', customer_id, 'title', customer_name) FROM moved;
WITH moved AS (
  UPDATE opportunities d SET deleted_at = c.deleted_at, deleted_by = c.deleted_by, version = d.version + 1, updated_at = now()
    FROM customers c
   WHERE c.id = d.customer_id AND c.deleted_at IS NOT NULL AND d.deleted_at IS NULL
  RETURNING d.id, c.id AS customer_id, c.name AS customer_name, c.deleted_at
), marked AS (
  INSERT INTO record_deleted_with (entity, record_id, parent_entity, parent_id, root_entity, root_id, deleted_at)
  SELECT 'opportunity', id, 'customer', customer_id, 'customer', customer_id, deleted_at FROM moved
)
INSERT INTO record_history (entity, record_id, action, field, new_value)
SELECT 'opportunity', id, 'delete', 'deleted_with', jsonb_build_object('entity', 'customer', 'id', customer_id, 'title', customer_name) FROM moved;
WITH moved AS (
  UPDATE follow_ups d SET deleted_at = c.deleted_at, deleted_by = c.deleted_by, version = d.version + 1, updated_at = now()
    FROM customers c
   WHERE c.id = d.customer_id AND c.deleted_at IS NOT NULL AND d.deleted_at IS NULL
  RETURNING d.id, c.id AS customer_id, c.name AS customer_name, c.deleted_at
), marked AS (
  INSERT INTO record_deleted_with (entity, record_id, parent_entity, parent_id, root_entity, root_id, deleted_at)
  SELECT 'follow_up', id, 'customer', customer_id, 'customer', customer_id, deleted_at FROM moved
)
INSERT INTO record_history (entity, record_id, action, field, new_value)
SELECT 'follow_up', id, 'delete', 'deleted_with', jsonb_build_object('entity', 'customer', 'id', customer_id, 'title', customer_name) FROM moved;
WITH moved AS (
  UPDATE tasks d SET deleted_at = c.deleted_at, deleted_by = c.deleted_by, version = d.version + 1, updated_at = now()
    FROM customers c
   WHERE c.id = d.customer_id AND c.deleted_at IS NOT NULL AND d.deleted_at IS NULL
  RETURNING d.id, c.id AS customer_id, c.name AS customer_name, c.deleted_at
), marked AS (
  INSERT INTO record_deleted_with (entity, record_id, parent_entity, parent_id, root_entity, root_id, deleted_at)
  SELECT 'task', id, 'customer', customer_id, 'customer', customer_id, deleted_at FROM moved
)
INSERT INTO record_history (entity, record_id, action, field, new_value)
SELECT 'task', id, 'delete', 'deleted_with', jsonb_build_object('entity', 'customer', 'id', customer_id, 'title', customer_name) FROM moved;
WITH moved AS (
  UPDATE visit_plans d SET deleted_at = c.deleted_at, deleted_by = c.deleted_by, version = d.version + 1, updated_at = now()
    FROM customers c
   WHERE c.id = d.customer_id AND c.deleted_at IS NOT NULL AND d.deleted_at IS NULL
  RETURNING d.id, c.id AS customer_id, c.name AS customer_name, c.deleted_at
), marked AS (
  INSERT INTO record_deleted_with (entity, record_id, parent_entity, parent_id, root_entity, root_id, deleted_at)
  SELECT 'visit_plan', id, 'customer', customer_id, 'customer', customer_id, deleted_at FROM moved
)
INSERT INTO record_history (entity, record_id, action, field, new_value)
SELECT 'visit_plan', id, 'delete', 'deleted_with', jsonb_build_object('entity', 'customer', 'id', customer_id, 'title', customer_name) FROM moved;
