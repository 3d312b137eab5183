-- Every request looks up its session and the user's actor: roles, merged permissions, widest data
-- scope and the visible department subtree. As one SQL statement that cost 0.5-0.7 ms, nearly all of
-- it planning (four subqueries, one recursive), paid again on every request. Inside a PL/pgSQL
-- function the plan is kept per connection and the lookup takes under 0.1 ms; unlike a named
-- prepared statement this also works behind a transaction-pooling proxy (PgBouncer).
-- The actor's shape lives here only: platform/access/actor.ts reads these columns. A change to it is
-- a new migration with CREATE OR REPLACE FUNCTION.
CREATE FUNCTION actor_of(p_user_id uuid)
RETURNS TABLE (id uuid, username text, display_name text, department_id uuid, locale text, active boolean,
               roles text[], permissions text[], scope_rank int, dept_ids uuid[])
LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  SELECT u.id, u.username, u.display_name, u.department_id, u.locale, u.active,
         (SELECT array_agg(r.key ORDER BY r.key) FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = u.id),
         (SELECT array_agg(DISTINCT p) FROM user_roles ur JOIN roles r ON r.id = ur.role_id,
                 jsonb_array_elements_text(r.permissions) p WHERE ur.user_id = u.id),
         (SELECT max(CASE r.data_scope WHEN 'all' THEN 3 WHEN 'department' THEN 2 ELSE 1 END)
            FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = u.id),
         (WITH RECURSIVE tree AS (
            SELECT d.id FROM departments d
             WHERE d.deleted_at IS NULL AND (d.id = u.department_id OR d.manager_id = u.id)
            UNION
            SELECT c.id FROM departments c JOIN tree ON c.parent_id = tree.id WHERE c.deleted_at IS NULL
          ) SELECT array_agg(tree.id) FROM tree)
    FROM users u WHERE u.id = p_user_id;
END $$;

CREATE FUNCTION session_actor(p_session_id text)
RETURNS TABLE (session_id text, user_id uuid, csrf_token text, last_seen_at timestamptz, expires_at timestamptz,
               id uuid, username text, display_name text, department_id uuid, locale text, active boolean,
               roles text[], permissions text[], scope_rank int, dept_ids uuid[])
LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  SELECT s.id, s.user_id, s.csrf_token, s.last_seen_at, s.expires_at, a.*
    FROM sessions s CROSS JOIN LATERAL actor_of(s.user_id) a WHERE s.id = p_session_id;
END $$;
