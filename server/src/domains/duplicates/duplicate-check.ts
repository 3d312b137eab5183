import type { DuplicateMatch } from '@contracts/leads.js';
import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.js';
import { scopeFilter } from '../../platform/access/data-scope.js';
import type { Db } from '../../platform/db/database.js';

interface Probe {
  name?: string;
  phone?: string;
  email?: string;
  excludeId?: string;
}

interface Row {
  entity: DuplicateMatch['entity'];
  matched_on: DuplicateMatch['matchedOn'];
  id: string;
  title: string;
  owner_name: string | null;
  visible: boolean;
}

/**
 * C9: same normalised company name (company_name_key: full/half width, spaces, 有限公司 …),
 * same phone or same e-mail, across customers, contacts and leads. A match outside the caller's
 * scope is reported as existing, without saying what or whose it is.
 */
export async function findDuplicates(
  db: Db,
  actor: Actor,
  p: Probe,
  entities: DuplicateMatch['entity'][] = ['customer', 'contact', 'lead'],
) {
  const name = p.name?.trim() || null;
  const phone = p.phone?.trim() || null;
  const email = p.email?.trim().toLowerCase() || null;
  if (!name && !phone && !email) return [];
  const exclude = p.excludeId ?? '00000000-0000-0000-0000-000000000000';
  const parts = [];
  if (entities.includes('customer')) {
    parts.push(sql`SELECT 'customer' AS entity, CASE WHEN c.name_key = company_name_key(${name}) THEN 'name' ELSE 'phone' END AS matched_on,
                          c.id, c.name AS title, c.owner_id, (c.owner_id IS NOT NULL AND ${scopeFilter(actor, 'c')}) AS visible
                     FROM customers c
                    WHERE c.deleted_at IS NULL AND c.id <> ${exclude}
                      AND (c.name_key = company_name_key(${name}) OR c.phone = ${phone})`);
  }
  if (entities.includes('contact') && (phone || email)) {
    parts.push(sql`SELECT 'contact', CASE WHEN lower(k.email) = ${email} THEN 'email' ELSE 'phone' END, k.id, k.name, k.owner_id, ${scopeFilter(actor, 'k')}
                     FROM contacts k
                    WHERE k.deleted_at IS NULL AND k.id <> ${exclude}
                      AND (k.mobile = ${phone} OR k.phone = ${phone} OR lower(k.email) = ${email})`);
  }
  if (entities.includes('lead')) {
    parts.push(sql`SELECT 'lead', CASE WHEN l.company_key = company_name_key(${name}) THEN 'name' WHEN lower(l.email) = ${email} THEN 'email' ELSE 'phone' END,
                          l.id, l.company, l.owner_id, (l.owner_id IS NULL OR ${scopeFilter(actor, 'l')})
                     FROM leads l
                    WHERE l.deleted_at IS NULL AND l.status <> 'converted' AND l.id <> ${exclude}
                      AND (l.company_key = company_name_key(${name}) OR l.mobile = ${phone} OR l.phone = ${phone} OR lower(l.email) = ${email})`);
  }
  const { rows } = await sql<Row>`
    SELECT m.entity, m.matched_on, m.id, m.title, u.display_name AS owner_name, coalesce(m.visible, false) AS visible
      FROM (${sql.join(parts, sql` UNION ALL `)}) AS m (entity, matched_on, id, title, owner_id, visible)
      LEFT JOIN users u ON u.id = m.owner_id
     LIMIT 50`.execute(db);
  return rows.map((r) => ({
    entity: r.entity,
    matchedOn: r.matched_on,
    visible: r.visible,
    id: r.visible ? r.id : null,
    title: r.visible ? r.title : null,
    ownerName: r.visible ? r.owner_name : null,
  }));
}
