// The approval history of the staged quotes and contracts, as the engine (server/src/platform/
// approvals/engine.ts) would have written it: one request per submission, one task per approver
// entry of each step reached, and the actions (submit, approve/reject per task, approved). Staged in
// bench_doc_r (one row per request, in submission order), then inserted in batches.
import { sql } from 'kysely';
import type { Database } from '../../server/src/platform/db/database.js';
import type { RoleStaff } from './documents-company.js';
import { clamp, H } from './documents-staging.js';

type Db = Database['db'];
const run = (db: Db, text: string) => sql.raw(text).execute(db);
const uuids = (ids: string[]) => `'{${ids.join(',')}}'::uuid[]`;

export interface FlowVersions {
  quote: string;
  contract: string;
  contract_end: string;
}

/**
 * Requests: a quote beyond its submitter's discount limit went to his manager (one step); every
 * contract went through seed 002's three steps (sales manager → project manager → finance and legal
 * together), and a termination or voiding through the same flow again. One document in ten had its
 * first round rejected (at a step chosen by hash) before the round that decided it; half the quote
 * drafts beyond the limit and a quarter of the contract drafts are back from a rejection.
 */
export async function stageRequests(db: Db, flows: FlowVersions): Promise<number> {
  await run(db, 'DROP TABLE IF EXISTS bench_doc_r');
  const quoteFacts = `jsonb_build_object('amount', q.total::text, 'maxDiscount', q.max_discount::text, 'departmentId', q.owner_dept_id)`;
  const contractFacts = `jsonb_build_object('amount', c.amount::text, 'departmentId', c.owner_dept_id, 'customerGrade', cu.grade)`;
  // A rejected first round is decided within hours, before the document is resubmitted (a day later).
  const quick = `least(%, interval '6 hours')`;
  await run(
    db,
    `CREATE UNLOGGED TABLE bench_doc_r AS
     WITH x AS (
       SELECT 'quote' AS document_type, q.id AS document_id, 1 AS n_steps, 1 + q.prior_reject::int AS round,
              CASE WHEN q.status = 'in_approval' THEN 'pending' ELSE 'approved' END AS status, 0 AS stop_step, ${quoteFacts} AS facts,
              q.number || ' ' || q.title AS title, q.total AS amount, q.customer_id, q.submitter AS submitted_by, q.owner_id,
              q.submitted_at, q.gap, q.i AS k
         FROM bench_doc_q q WHERE q.needed AND q.status <> 'draft'
       UNION ALL
       SELECT 'quote', q.id, 1, 1, 'rejected', 0, ${quoteFacts}, q.number || ' ' || q.title, q.total, q.customer_id, q.submitter,
              q.owner_id, ${clamp(`q.created_at + interval '1 hour'`)}, ${quick.replace('%', 'q.gap')}, q.i
         FROM bench_doc_q q
        WHERE q.needed AND ((q.status <> 'draft' AND q.prior_reject) OR (q.status = 'draft' AND ${H('q.i', 40)} % 2 = 0))
       UNION ALL
       SELECT 'contract', c.id, 3, 1 + c.prior_reject::int, CASE WHEN c.status = 'in_approval' THEN 'pending' ELSE 'approved' END,
              CASE WHEN c.status = 'in_approval' THEN c.step ELSE 2 END, ${contractFacts}, c.number || ' ' || c.title, c.amount,
              c.customer_id, c.submitter, c.owner_id, c.submitted_at, c.gap, c.j
         FROM bench_doc_c c JOIN customers cu ON cu.id = c.customer_id WHERE c.status <> 'draft'
       UNION ALL
       SELECT 'contract', c.id, 3, 1, 'rejected', c.step, ${contractFacts}, c.number || ' ' || c.title, c.amount, c.customer_id,
              c.submitter, c.owner_id, ${clamp(`c.created_at + interval '2 hours'`)},
              CASE WHEN c.prior_reject THEN ${quick.replace('%', 'c.gap')} ELSE c.gap END, c.j
         FROM bench_doc_c c JOIN customers cu ON cu.id = c.customer_id WHERE c.prior_reject OR c.draft_rejected
       UNION ALL
       SELECT 'contract_end', c.id, 3, 1, 'approved', 2, ${contractFacts},
              CASE WHEN c.status = 'voided' THEN '作废 ' ELSE '终止 ' END || c.number || ' ' || c.title, c.amount, c.customer_id,
              c.owner_id, c.owner_id, c.end_submitted_at, c.end_gap, c.j
         FROM bench_doc_c c JOIN customers cu ON cu.id = c.customer_id WHERE c.status IN ('terminated', 'voided')
     )
     SELECT row_number() OVER (ORDER BY x.submitted_at, x.document_id, x.round, x.document_type) AS rn, gen_random_uuid() AS id, x.*,
            v.flow_version_id, m.manager_id AS approver0, ${H('x.k * 8 + x.round', 41)} AS hs
       FROM x
       JOIN (VALUES ('quote', '${flows.quote}'::uuid), ('contract', '${flows.contract}'::uuid),
                    ('contract_end', '${flows.contract_end}'::uuid)) AS v(document_type, flow_version_id) USING (document_type)
       LEFT JOIN bench_doc_managers m ON m.user_id = x.submitted_by`,
  );
  await run(db, 'CREATE UNIQUE INDEX ON bench_doc_r (rn)');
  return Number((await sql<{ n: string }>`SELECT count(*) AS n FROM bench_doc_r`.execute(db)).rows[0].n);
}

/** Requests rn lo..hi with their tasks and actions. */
export async function insertRequests(db: Db, staff: RoleStaff, lo: number, hi: number) {
  const range = `r.rn BETWEEN ${lo} AND ${hi}`;
  await run(
    db,
    `INSERT INTO approval_requests (id, document_type, document_id, flow_version_id, status, round, current_step, applies, facts, title,
                                    amount, customer_id, submitted_by, owner_id, submitted_at, step_started_at, finished_at)
     SELECT r.id, r.document_type, r.document_id, r.flow_version_id, r.status, r.round, r.stop_step,
            CASE WHEN r.n_steps = 1 THEN ARRAY[true] ELSE ARRAY[true, true, true] END, r.facts, r.title, r.amount, r.customer_id,
            r.submitted_by, r.owner_id, r.submitted_at, ${clamp('r.submitted_at + r.stop_step * r.gap')},
            CASE r.status WHEN 'approved' THEN ${clamp('r.submitted_at + r.n_steps * r.gap')}
                          WHEN 'rejected' THEN ${clamp('r.submitted_at + (r.stop_step + 1) * r.gap')} END
       FROM bench_doc_r r WHERE ${range}`,
  );
  // Step 0: the submitter's manager; step 1: every project manager; step 2: finance and legal (会签).
  const acted = `CASE WHEN st.step < r.stop_step OR r.status = 'approved' THEN 'approved' WHEN r.status = 'pending' THEN 'pending'
                      WHEN st.slot = 0 THEN 'rejected' ELSE 'cancelled' END`;
  await run(
    db,
    `INSERT INTO approval_tasks (request_id, step, slot, status, approver_ids, acted_by, acted_at)
     SELECT r.id, st.step, st.slot, t.status,
            CASE WHEN st.step = 0 THEN ARRAY[r.approver0] WHEN st.step = 1 THEN ${uuids(staff.pm)}
                 WHEN st.slot = 0 THEN ${uuids(staff.finance)} ELSE ${uuids(staff.legal)} END,
            CASE WHEN t.status IN ('approved', 'rejected') THEN
              CASE WHEN st.step = 0 THEN r.approver0
                   WHEN st.step = 1 THEN (${uuids(staff.pm)})[1 + r.hs % ${staff.pm.length}]
                   WHEN st.slot = 0 THEN (${uuids(staff.finance)})[1 + r.hs % ${staff.finance.length}]
                   ELSE (${uuids(staff.legal)})[1 + r.hs % ${staff.legal.length}] END END,
            CASE WHEN t.status IN ('approved', 'rejected') THEN
              ${clamp(`r.submitted_at + (st.step + 1) * r.gap - CASE WHEN st.step = 2 AND st.slot = 0 THEN interval '10 minutes' ELSE interval '0' END`)} END
       FROM bench_doc_r r
      CROSS JOIN LATERAL (VALUES (0, 0), (1, 0), (2, 0), (2, 1)) AS st(step, slot)
      CROSS JOIN LATERAL (SELECT ${acted} AS status) t
      WHERE ${range} AND st.step <= r.stop_step AND st.step < r.n_steps
      ORDER BY r.rn, st.step, st.slot`,
  );
  // In the order the engine logs them (seq): submit, each decision, then 'approved' when the last step passed.
  await run(
    db,
    `INSERT INTO approval_actions (request_id, document_type, document_id, customer_id, kind, step, actor_id, created_at)
     SELECT a.request_id, a.document_type, a.document_id, a.customer_id, a.kind, a.step, a.actor_id, a.at
       FROM (
         SELECT r.rn, 0 AS ord, r.id AS request_id, r.document_type, r.document_id, r.customer_id, 'submit' AS kind, NULL::int AS step,
                r.submitted_by AS actor_id, r.submitted_at AS at
           FROM bench_doc_r r WHERE ${range}
         UNION ALL
         SELECT r.rn, 1 + t.step * 2 + t.slot, r.id, r.document_type, r.document_id, r.customer_id,
                CASE t.status WHEN 'approved' THEN 'approve' ELSE 'reject' END, t.step, t.acted_by, t.acted_at
           FROM bench_doc_r r JOIN approval_tasks t ON t.request_id = r.id
          WHERE ${range} AND t.status IN ('approved', 'rejected')
         UNION ALL
         SELECT r.rn, 99, r.id, r.document_type, r.document_id, r.customer_id, 'approved', NULL, NULL,
                ${clamp('r.submitted_at + r.n_steps * r.gap')}
           FROM bench_doc_r r WHERE ${range} AND r.status = 'approved'
       ) a
      ORDER BY a.rn, a.ord`,
  );
}
