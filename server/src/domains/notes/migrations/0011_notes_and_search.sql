-- C11 notes (知识库): Markdown bodies (HTML stripped on write), tags, links to records.
CREATE TABLE notes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  owner_id uuid NOT NULL REFERENCES users(id),
  owner_dept_id uuid REFERENCES departments(id),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  deleted_at timestamptz,
  deleted_by uuid REFERENCES users(id),

  title text NOT NULL,
  body text NOT NULL DEFAULT '',
  tags text[] NOT NULL DEFAULT '{}'
);
CREATE INDEX notes_owner ON notes (owner_id, updated_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX notes_dept ON notes (owner_dept_id, updated_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX notes_updated ON notes (updated_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX notes_tags ON notes USING gin (tags) WHERE deleted_at IS NULL;
CREATE INDEX notes_deleted ON notes (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX notes_created_by ON notes (created_by);
CREATE INDEX notes_updated_by ON notes (updated_by);
CREATE INDEX notes_deleted_by ON notes (deleted_by);

CREATE TABLE note_links (
  note_id uuid NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
  entity text NOT NULL CHECK (entity IN ('customer', 'contact', 'lead')),
  record_id uuid NOT NULL,
  PRIMARY KEY (note_id, entity, record_id)
);
CREATE INDEX note_links_record ON note_links (entity, record_id);

-- Global search: the two-character pieces (text_bigrams, 0002) of what people search by, so a
-- 2–4 character Chinese query is answered from an index. Each expression is repeated verbatim in
-- server/src/domains/search/search-providers.ts.
CREATE INDEX notes_search ON notes USING gin (text_bigrams(lower(title || ' ' || body))) WHERE deleted_at IS NULL;
CREATE INDEX contacts_search ON contacts
  USING gin (text_bigrams(lower(name || ' ' || coalesce(mobile, '') || ' ' || coalesce(phone, '') || ' ' || coalesce(email, ''))))
  WHERE deleted_at IS NULL;
CREATE INDEX leads_search ON leads
  USING gin (text_bigrams(lower(company || ' ' || coalesce(contact_name, '') || ' ' || coalesce(mobile, '') || ' ' || coalesce(phone, '') || ' ' || coalesce(email, ''))))
  WHERE deleted_at IS NULL;
CREATE INDEX follow_ups_search ON follow_ups USING gin (text_bigrams(lower(content))) WHERE deleted_at IS NULL;
