-- P6: a request budget per API token, counted per minute in the database so that every server
-- behind a load balancer spends the same budget. Old windows are deleted as new ones open.
CREATE TABLE api_token_usage (
  token_id uuid NOT NULL REFERENCES api_tokens(id) ON DELETE CASCADE,
  window_start timestamptz NOT NULL,
  requests integer NOT NULL,
  PRIMARY KEY (token_id, window_start)
);

-- P6: roles whose members must sign in with a second factor (TOTP). Until such a user turns it on,
-- his session reaches only his own account (/auth/*), where he sets it up.
ALTER TABLE roles ADD COLUMN require_totp boolean NOT NULL DEFAULT false;

-- The per-request lookup (0023) also says whether the user still owes that second factor, in the
-- same round trip. A new output column needs DROP + CREATE; the body is 0023's plus totp_pending.
DROP FUNCTION session_actor(text);
CREATE FUNCTION session_actor(p_session_id text)
RETURNS TABLE (session_id text, user_id uuid, csrf_token text, last_seen_at timestamptz, expires_at timestamptz,
               id uuid, username text, display_name text, department_id uuid, locale text, active boolean,
               roles text[], permissions text[], scope_rank int, dept_ids uuid[], totp_pending boolean)
LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  SELECT s.id, s.user_id, s.csrf_token, s.last_seen_at, s.expires_at, a.*,
         (NOT u.totp_enabled AND EXISTS (
            SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = s.user_id AND r.require_totp))
    FROM sessions s
    JOIN users u ON u.id = s.user_id
    CROSS JOIN LATERAL actor_of(s.user_id) a
   WHERE s.id = p_session_id;
END $$;
