import { type RawBuilder, type SqlBool, sql } from 'kysely';

/*
 * The department tree, walked in SQL in one place. A department filter means the department and
 * everything under it (as the data scopes do); a department's ancestry answers "is this under
 * that"; the closure rolls figures up the tree. Each is an expression for the caller's statement,
 * so the walk costs no extra round trip and is planned with the query around it.
 */

/** A department and its live sub-departments, as a uuid[] evaluated once per statement. */
export const departmentSubtree = (departmentId: string): RawBuilder<string[]> =>
  sql<string[]>`ARRAY(WITH RECURSIVE sub AS (
      SELECT id FROM departments WHERE id = ${departmentId}
      UNION SELECT c.id FROM departments c JOIN sub ON c.parent_id = sub.id WHERE c.deleted_at IS NULL
    ) SELECT id FROM sub)`;

/** A department and every department above it, up to the root, as a uuid[]. */
export const departmentAncestry = (departmentId: string): RawBuilder<string[]> =>
  sql<string[]>`ARRAY(WITH RECURSIVE up AS (
      SELECT id, parent_id FROM departments WHERE id = ${departmentId}
      UNION SELECT d.id, d.parent_id FROM departments d JOIN up ON d.id = up.parent_id
    ) SELECT id FROM up)`;

/**
 * A `closure (ancestor, descendant)` entry for a `WITH RECURSIVE` list: every department matching
 * `roots` (a condition on `departments d`) paired with itself and each live department under it,
 * so figures kept per owner's department add up per ancestor with one join.
 */
export const departmentClosure = (roots: RawBuilder<SqlBool>): RawBuilder<unknown> =>
  sql`closure (ancestor, descendant) AS (
        SELECT d.id, d.id FROM departments d WHERE ${roots}
        UNION ALL
        SELECT c.ancestor, d.id FROM closure c JOIN departments d ON d.parent_id = c.descendant WHERE d.deleted_at IS NULL
      )`;
