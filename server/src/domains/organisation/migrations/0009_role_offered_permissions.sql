-- What the product's definition of a built-in role granted when it was last applied. A permission
-- for a module added in a later release is granted once (it was never offered before); one the
-- admin removed stays removed (it was offered and taken away). NULL: never recorded (databases
-- created before this column), read as "everything the role holds now was offered".
ALTER TABLE roles ADD COLUMN offered_permissions jsonb;
