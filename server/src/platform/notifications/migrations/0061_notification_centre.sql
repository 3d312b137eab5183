-- The notification centre: each notification carries its category (filter in 消息中心) and, when
-- it also goes by e-mail, the key of the digest mail that lists it (mail_outbox.dedupe_key).
ALTER TABLE notifications ADD COLUMN category text NOT NULL DEFAULT 'reminder';
ALTER TABLE notifications ADD COLUMN mail_key text;
UPDATE notifications SET category = 'approval' WHERE kind LIKE 'approval\_%';
CREATE INDEX notifications_user_category ON notifications (user_id, category, created_at DESC);
CREATE INDEX notifications_mail_key ON notifications (mail_key) WHERE mail_key IS NOT NULL;

-- Only a user's deviations from a kind's default are stored: a kind registered later, or whose
-- default changes, applies to everyone who has not chosen.
CREATE TABLE notification_email_prefs (
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind text NOT NULL,
  email boolean NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, kind)
);
