-- Outgoing mail: a domain queues a mail in its own transaction; the mail-outbox job sends it.
-- Queueing in the writer's transaction means a rolled-back change sends nothing, and the
-- dedupe key means a job that runs again after downtime does not send the same mail twice.
CREATE TABLE mail_outbox (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL,
  to_address text NOT NULL,
  to_user_id uuid REFERENCES users(id) ON DELETE CASCADE,
  subject text NOT NULL,
  html text NOT NULL,
  text text NOT NULL,
  dedupe_key text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- Batched mails wait until then (e.g. the end of the hour); NULL: as soon as possible.
  send_after timestamptz,
  sent_at timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  last_error text
);
CREATE INDEX mail_outbox_pending ON mail_outbox (send_after) WHERE sent_at IS NULL;
CREATE INDEX mail_outbox_user ON mail_outbox (to_user_id, created_at DESC);
