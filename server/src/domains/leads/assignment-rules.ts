import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';

interface LeadFacts {
  region: string | null;
  industry: string | null;
  source: string | null;
}

/** A rule matches when each of its non-empty conditions does; a region matches by prefix (华东 covers 华东/上海). */
function ruleMatches(rule: { match_regions: string[]; match_industries: string[]; match_sources: string[] }, lead: LeadFacts): boolean {
  const regionOk = rule.match_regions.length === 0 || (!!lead.region && rule.match_regions.some((r) => lead.region?.startsWith(r)));
  const industryOk = rule.match_industries.length === 0 || (!!lead.industry && rule.match_industries.includes(lead.industry));
  const sourceOk = rule.match_sources.length === 0 || (!!lead.source && rule.match_sources.includes(lead.source));
  return regionOk && industryOk && sourceOk;
}

/**
 * C3: rules are tried in position order and the first match decides. Round robin advances a
 * cursor on the rule row, locked for the transaction, so two leads arriving together go to two
 * people; inactive users are skipped. No match (or nobody active) → the lead goes to the pool.
 */
export async function assignByRules(trx: Db, lead: LeadFacts): Promise<{ ownerId: string; ruleId: string } | null> {
  const rules = await trx
    .selectFrom('lead_assignment_rules')
    .selectAll()
    .where('active', '=', true)
    .orderBy('position')
    .orderBy('created_at')
    .forUpdate()
    .execute();
  for (const rule of rules) {
    if (!ruleMatches(rule, lead)) continue;
    const active = new Set(
      (await trx.selectFrom('users').select('id').where('id', 'in', rule.user_ids).where('active', '=', true).execute()).map((u) => u.id),
    );
    const n = rule.user_ids.length;
    for (let step = 0; step < n; step++) {
      const index = rule.strategy === 'round_robin' ? (rule.rr_next + step) % n : step;
      const candidate = rule.user_ids[index];
      if (!active.has(candidate)) continue;
      if (rule.strategy === 'round_robin') {
        await sql`UPDATE lead_assignment_rules SET rr_next = ${(index + 1) % n} WHERE id = ${rule.id}`.execute(trx);
      }
      return { ownerId: candidate, ruleId: rule.id };
    }
  }
  return null;
}
