// Staging tables for the document benchmark: every quote and contract decided row by row inside the
// database (owner, dates, status, lines, totals, number), each attribute a hash of the row number, so
// the generator's memory stays flat and a rerun builds documents of the same shape (not the same ones:
// the opportunities they hang off have random ids, and dates count back from now). The real tables are then
// filled from these in batches (generate-documents.ts), in creation order, as an application fills
// them over the years.
import { sql } from 'kysely';
import type { Database } from '../../server/src/platform/db/database.js';

type Db = Database['db'];
const run = (db: Db, text: string) => sql.raw(text).execute(db);

/** A non-negative hash of an integer expression and a salt: the generator's only source of chance. */
export const H = (expr: string, salt: number) => `(hashint8((${expr})::bigint * 64 + ${salt}) & 2147483647)`;
const NOW = `(now() - interval '1 minute')`;
/** Never in the future. */
export const clamp = (expr: string) => `least(${expr}, ${NOW})`;
const hours = (expr: string) => `make_interval(hours => (${expr})::int)`;
const SHANGHAI = `AT TIME ZONE 'Asia/Shanghai'`;
/** A stable id per row: an md5 shaped as a version-4 UUID (the API's schemas check the version and variant digits). */
const uuidOf = (text: string) => `overlay(overlay(md5(${text}) placing '4' from 13) placing '8' from 17)::uuid`;

/**
 * The line generator shared by quotes and hand-made contracts: 1–3 products from the catalogue,
 * a quantity, a discount (mostly within a rep's 10 %; 15–20 % on the first line of a quote waiting
 * for approval, 25 % when a manager submitted it) and the exact figures as the server stores them.
 */
function linesSql(source: string, key: string, salt: number, products: number, forced: string) {
  return `
    SELECT s.${key}, k - 1 AS position, p.id AS product_id, p.code, p.name, p.specification, p.unit, p.list_price, p.cost_price,
           p.tax_rate, x.qty, x.d AS discount, round(x.qty * p.list_price * (100 - x.d) / 100, 2) AS amount
      FROM ${source} s
     CROSS JOIN LATERAL generate_series(1, 1 + ${H(`s.${key}`, salt)} % 3) AS k
     CROSS JOIN LATERAL (SELECT ${H(`s.${key} * 4 + k`, salt + 1)} AS hl, ${H(`s.${key} * 4 + k`, salt + 2)} AS hm) hk
      JOIN bench_doc_products p ON p.n = 1 + hk.hl % ${products}
     CROSS JOIN LATERAL (
       SELECT (ARRAY[1, 1, 2, 3, 5, 8, 10, 20, 50])[1 + hk.hm % 9]::numeric(12,2) AS qty,
              CASE WHEN k = 1 AND ${forced} THEN (CASE WHEN s.by_manager THEN 25 ELSE (ARRAY[15, 20])[1 + hk.hm % 2] END)
                   ELSE (ARRAY[0, 0, 0, 0, 5, 5, 8, 10, 10, 10, 12, 15, 20])[1 + (hk.hm / 16) % 13] END::numeric(5,2) AS d) x`;
}

/** Totals per document from its staged lines (prices include tax: tax = amount × rate ÷ (100 + rate)). */
function totalsSql(lines: string, key: string) {
  return `
    SELECT ${key}, sum(round(qty * list_price, 2)) AS list_total, sum(amount) AS total,
           sum(round(amount * tax_rate / (100 + tax_rate), 2)) AS tax_total, max(discount) AS max_discount,
           sum(round(qty * cost_price, 2)) AS cost_total
      FROM ${lines} GROUP BY ${key}`;
}

/**
 * bench_doc_q (one row per quote) and bench_doc_ql (its lines). Quotes come in pairs of rows; one pair
 * in ten is a quote revised once (the first version superseded, the second with the same number).
 * A quote's status follows its opportunity: won → accepted, lost → rejected by the customer or
 * expired, open → draft, waiting for approval (6 %, submitted in the last 20 days), approved, sent or
 * expired. 3 % are submitted by the owner's department manager (approved one level up).
 */
export async function stageQuotes(db: Db, n: number, opportunities: number, products: number) {
  for (const t of ['bench_doc_q0', 'bench_doc_ql', 'bench_doc_q']) await run(db, `DROP TABLE IF EXISTS ${t}`);
  await run(
    db,
    `CREATE UNLOGGED TABLE bench_doc_q0 AS
     WITH g AS (
       SELECT i, ${H('(i + 1) / 2', 1)} % 10 = 0 AS revised FROM generate_series(1, ${n}) AS i
     ), b AS (
       SELECT g.i, CASE WHEN g.revised AND g.i % 2 = 0 THEN g.i - 1 ELSE g.i END AS b,
              CASE WHEN g.revised AND g.i % 2 = 0 THEN 2 ELSE 1 END AS revision, g.revised AND g.i % 2 = 1 AS superseded
         FROM g
     ), o AS (
       SELECT b.*, o.id AS opportunity_id, o.owner_id, o.owner_dept_id, o.customer_id, o.name AS opp_name, o.status AS opp_status,
              o.created_at AS oc, coalesce(o.closed_at, now()) AS end_at, ${H('b.i', 3)} AS hi
         FROM b JOIN bench_doc_opps o ON o.n = 1 + (b.b - 1) % ${opportunities}
     ), s AS (
       SELECT o.*, o.oc + (o.end_at - o.oc) * (0.15 + (${H('o.b', 6)} % 300) / 1000.0) AS qc1,
              CASE WHEN o.superseded THEN 'superseded' WHEN o.opp_status = 'won' THEN 'accepted'
                   WHEN o.opp_status = 'lost' THEN CASE WHEN o.hi % 10 < 6 THEN 'rejected' ELSE 'expired' END
                   WHEN o.hi % 100 < 6 THEN 'in_approval' WHEN o.hi % 100 < 30 THEN 'draft' WHEN o.hi % 100 < 40 THEN 'approved'
                   WHEN o.hi % 100 < 85 THEN 'sent' ELSE 'expired' END AS status
         FROM o
     )
     SELECT s.i, s.b, s.revision, ${uuidOf(`'bench-quote-' || s.i`)} AS id,
            CASE WHEN s.revision = 2 THEN ${uuidOf(`'bench-quote-' || (s.i - 1)`)} END AS supersedes_id,
            s.opportunity_id, s.owner_id, s.owner_dept_id, s.customer_id, left(s.opp_name, 90) AS title, s.status, s.end_at, s.hi,
            ${clamp(`CASE WHEN s.status = 'in_approval'
                          THEN greatest(s.oc, s.qc1 + interval '1 hour', now() - make_interval(days => 3 + s.hi % 17, secs => ${H('s.i', 4)} % 86400))
                          WHEN s.revision = 2 THEN s.qc1 + (s.end_at - s.qc1) * 0.4 ELSE s.qc1 END`)} AS created_at,
            ${H('s.i', 7)} % 100 < 3 AND dm.manager_id IS NOT NULL AS by_manager,
            CASE WHEN ${H('s.i', 7)} % 100 < 3 AND dm.manager_id IS NOT NULL THEN dm.manager_id ELSE s.owner_id END AS submitter
       FROM s LEFT JOIN bench_doc_dept_managers dm ON dm.dept_id = s.owner_dept_id`,
  );
  // The hourly expiry job ends a quote 30 days after it was written: a younger one is still out with the customer.
  await run(db, `UPDATE bench_doc_q0 SET status = 'sent' WHERE status = 'expired' AND created_at > now() - interval '31 days'`);
  await run(db, `CREATE UNLOGGED TABLE bench_doc_ql AS ${linesSql('bench_doc_q0', 'i', 10, products, `s.status = 'in_approval'`)}`);
  await run(
    db,
    `CREATE UNLOGGED TABLE bench_doc_q AS
     WITH t AS (${totalsSql('bench_doc_ql', 'i')}),
     d AS (
       SELECT q.*, t.list_total, t.total, t.tax_total, t.max_discount, t.cost_total,
              t.max_discount > CASE WHEN q.by_manager THEN 20 ELSE 10 END AS needed,
              q.status NOT IN ('draft', 'in_approval') AND ${H('q.i', 8)} % 10 = 0 AS prior_reject,
              least(${hours(`2 + ${H('q.i', 9)} % 28`)}, (now() - q.created_at) / 6) AS gap
         FROM bench_doc_q0 q JOIN t USING (i)
     ), tl AS (
       SELECT d.*, ${clamp(`d.created_at + least(CASE WHEN d.needed AND d.prior_reject THEN interval '26 hours' ELSE interval '1 hour' END,
                                                 (now() - d.created_at) / 3)`)} AS submitted_at
         FROM d
     ), tl2 AS (
       SELECT tl.*, ${clamp("tl.submitted_at + CASE WHEN tl.needed THEN tl.gap ELSE interval '0' END")} AS decided_at FROM tl
     ), tl3 AS (
       SELECT tl2.*, CASE WHEN tl2.status IN ('sent', 'accepted', 'rejected') OR (tl2.status = 'expired' AND tl2.hi % 10 < 7)
                          THEN ${clamp(`tl2.decided_at + least(interval '1 day', (now() - tl2.decided_at) / 2)`)} END AS sent_at
         FROM tl2
     ), num AS (
       SELECT b, ((created_at ${SHANGHAI})::date) AS day,
              row_number() OVER (PARTITION BY (created_at ${SHANGHAI})::date ORDER BY created_at, i) AS seq
         FROM bench_doc_q0 WHERE revision = 1
     )
     SELECT tl3.*, num.day, num.seq,
            'BJ-' || to_char(num.day, 'YYYYMMDD') || '-' || lpad(num.seq::text, greatest(3, length(num.seq::text)), '0') AS number,
            CASE WHEN tl3.status IN ('accepted', 'rejected')
                 THEN ${clamp(`coalesce(tl3.sent_at, tl3.decided_at) + (greatest(tl3.end_at, coalesce(tl3.sent_at, tl3.decided_at)) - coalesce(tl3.sent_at, tl3.decided_at)) * 0.5 + interval '1 hour'`)}
            END AS outcome_at,
            row_number() OVER (ORDER BY tl3.created_at, tl3.i) AS ord
       FROM tl3 JOIN num USING (b)`,
  );
  await run(db, 'CREATE UNIQUE INDEX ON bench_doc_q (ord)');
  await run(db, 'CREATE UNIQUE INDEX ON bench_doc_q (i)');
  await run(db, 'CREATE INDEX ON bench_doc_ql (i)');
  await run(db, 'DROP TABLE bench_doc_q0');
}

/**
 * bench_doc_c (one row per contract) and bench_doc_cl (its lines). Contracts are drafted from the
 * accepted quotes first (customer, deal and lines copied), the rest by hand for a customer. 84 % are
 * effective, 3 % terminated, 1 % voided, 8 % drafts, 2 % waiting for approval (submitted in the last
 * 20 days; 70 % at the sales manager's step, 20 % the project manager's, 10 % finance and legal).
 */
export async function stageContracts(db: Db, n: number, customers: number, products: number) {
  for (const t of ['bench_doc_c0', 'bench_doc_cl', 'bench_doc_c']) await run(db, `DROP TABLE IF EXISTS ${t}`);
  await run(
    db,
    `CREATE UNLOGGED TABLE bench_doc_c0 AS
     WITH acc AS (
       SELECT row_number() OVER (ORDER BY i) AS n, i, id, opportunity_id, customer_id, owner_id, owner_dept_id, title, outcome_at
         FROM bench_doc_q WHERE status = 'accepted'
     ), g AS (
       SELECT j, ${H('j', 22)} % 1000 AS hs FROM generate_series(1, ${n}) AS j
     ), src AS (
       SELECT g.j, g.hs, a.i AS quote_i, a.id AS quote_id, a.opportunity_id,
              coalesce(a.customer_id, c.id) AS customer_id, coalesce(a.owner_id, c.owner_id) AS owner_id,
              coalesce(a.owner_dept_id, c.owner_dept_id) AS owner_dept_id,
              coalesce(a.title, left(c.name, 80) || (ARRAY[' 年度服务合同', ' 采购合同', ' 框架协议', ' 实施合同'])[1 + g.j % 4]) AS title,
              coalesce(a.outcome_at, now() - make_interval(secs => ${H('g.j', 21)} % (3 * 365 * 86400))) AS base_at
         FROM g LEFT JOIN acc a ON a.n = g.j
         LEFT JOIN bench_doc_customers c ON a.n IS NULL AND c.n = 1 + ${H('g.j', 20)} % ${customers}
     ), st AS (
       SELECT src.*, CASE WHEN hs < 20 THEN 'in_approval' WHEN hs < 100 THEN 'draft' WHEN hs < 130 THEN 'terminated'
                          WHEN hs < 140 THEN 'voided' ELSE 'effective' END AS status
         FROM src
     )
     SELECT st.*, ${uuidOf(`'bench-contract-' || st.j`)} AS id,
            ${clamp(`CASE WHEN st.status = 'in_approval'
                          THEN greatest(st.base_at + interval '1 hour', now() - make_interval(days => 3 + st.hs % 17, secs => ${H('st.j', 23)} % 86400))
                          ELSE st.base_at + least(make_interval(days => 1 + ${H('st.j', 23)} % 10), (now() - st.base_at) * 0.3) END`)} AS created_at,
            ${H('st.j', 24)} % 100 < 3 AND dm.manager_id IS NOT NULL AS by_manager,
            CASE WHEN ${H('st.j', 24)} % 100 < 3 AND dm.manager_id IS NOT NULL THEN dm.manager_id ELSE st.owner_id END AS submitter
       FROM st LEFT JOIN bench_doc_dept_managers dm ON dm.dept_id = st.owner_dept_id`,
  );
  await run(
    db,
    `CREATE UNLOGGED TABLE bench_doc_cl AS
     SELECT c.j, l.position, l.product_id, l.code, l.name, l.specification, l.unit, l.list_price, l.cost_price, l.tax_rate, l.qty,
            l.discount, l.amount
       FROM bench_doc_c0 c JOIN bench_doc_ql l ON l.i = c.quote_i
     UNION ALL
     SELECT * FROM (${linesSql('(SELECT * FROM bench_doc_c0 WHERE quote_i IS NULL)', 'j', 30, products, 'false')}) hand`,
  );
  await run(
    db,
    `CREATE UNLOGGED TABLE bench_doc_c AS
     WITH t AS (${totalsSql('bench_doc_cl', 'j')}),
     d AS (
       SELECT c.*, t.total AS amount, t.tax_total, t.cost_total,
              least(${hours(`2 + ${H('c.j', 28)} % 28`)}, (now() - c.created_at) / 6) AS gap,
              c.status IN ('effective', 'terminated', 'voided', 'in_approval') AND ${H('c.j', 25)} % 10 = 0 AS prior_reject,
              c.status = 'draft' AND ${H('c.j', 26)} % 4 = 0 AS draft_rejected,
              CASE WHEN ${H('c.j', 27)} % 10 < 7 THEN 0 WHEN ${H('c.j', 27)} % 10 < 9 THEN 1 ELSE 2 END AS step
         FROM bench_doc_c0 c JOIN t USING (j)
     ), tl AS (
       SELECT d.*, ${clamp(`d.created_at + least(CASE WHEN d.prior_reject THEN interval '26 hours' ELSE interval '2 hours' END,
                                                 (now() - d.created_at) / 3)`)} AS submitted_at
         FROM d
     ), tl2 AS (
       SELECT tl.*, CASE WHEN tl.status IN ('effective', 'terminated', 'voided') THEN ${clamp('tl.submitted_at + 3 * tl.gap')} END AS effective_at
         FROM tl
     ), tl3 AS (
       SELECT tl2.*, CASE WHEN tl2.status IN ('terminated', 'voided') THEN ${clamp('tl2.effective_at + (now() - tl2.effective_at) * 0.6')} END AS end_submitted_at
         FROM tl2
     )
     SELECT tl3.*, least(tl3.gap, (now() - tl3.end_submitted_at) / 6) AS end_gap,
            CASE WHEN tl3.end_submitted_at IS NOT NULL THEN ${clamp('tl3.end_submitted_at + 3 * least(tl3.gap, (now() - tl3.end_submitted_at) / 6)')} END AS ended_at,
            'HT-' || to_char((tl3.created_at ${SHANGHAI}), 'YYYY-MM') || '-'
              || lpad(m.seq::text, greatest(4, length(m.seq::text)), '0') AS number,
            to_char((tl3.created_at ${SHANGHAI}), 'YYYYMM') AS period, m.seq,
            row_number() OVER (ORDER BY tl3.created_at, tl3.j) AS ord
       FROM tl3
       JOIN (SELECT j, row_number() OVER (PARTITION BY to_char((created_at ${SHANGHAI}), 'YYYYMM') ORDER BY created_at, j) AS seq
               FROM bench_doc_c0) m USING (j)`,
  );
  await run(db, 'CREATE UNIQUE INDEX ON bench_doc_c (ord)');
  await run(db, 'CREATE INDEX ON bench_doc_cl (j)');
  await run(db, 'DROP TABLE bench_doc_c0');
}

/** Quotes ord lo..hi and their lines. */
export async function insertQuotes(db: Db, lo: number, hi: number) {
  await run(
    db,
    `INSERT INTO quotes (id, owner_id, owner_dept_id, created_by, created_at, updated_by, updated_at, version, number, revision,
                         supersedes_id, opportunity_id, customer_id, title, status, valid_until, list_total, subtotal, total, tax_total,
                         overall_discount, max_discount, cost_total, needed_approval, approved_at, sent_at, accepted_at,
                         customer_rejected_at, customer_reject_reason, terms)
     SELECT q.id, q.owner_id, q.owner_dept_id, q.submitter, q.created_at, q.submitter,
            ${clamp(`CASE q.status WHEN 'draft' THEN q.created_at + CASE WHEN q.needed THEN q.gap ELSE interval '0' END
                                   WHEN 'in_approval' THEN q.submitted_at WHEN 'approved' THEN q.decided_at
                                   WHEN 'superseded' THEN q.created_at + (q.end_at - q.created_at) * 0.4
                                   WHEN 'expired' THEN q.created_at + interval '31 days'
                                   ELSE coalesce(q.outcome_at, q.sent_at, q.decided_at) END`)},
            CASE q.status WHEN 'draft' THEN 1 WHEN 'in_approval' THEN 2 ELSE 3 + (q.sent_at IS NOT NULL)::int END,
            q.number, q.revision, q.supersedes_id, q.opportunity_id, q.customer_id, q.title, q.status,
            (q.created_at ${SHANGHAI})::date + 30, q.list_total, q.total, q.total, q.tax_total,
            CASE WHEN q.list_total = 0 THEN 0 ELSE round(100 * (q.list_total - q.total) / q.list_total, 2) END, q.max_discount, q.cost_total,
            CASE WHEN q.status <> 'draft' OR q.needed THEN q.needed END,
            CASE WHEN q.status NOT IN ('draft', 'in_approval') THEN q.decided_at END, q.sent_at,
            CASE WHEN q.status = 'accepted' THEN q.outcome_at END, CASE WHEN q.status = 'rejected' THEN q.outcome_at END,
            CASE WHEN q.status = 'rejected' THEN (ARRAY['价格偏高', '选择了其他供应商', '项目延期', '预算取消'])[1 + q.hi % 4] END,
            '报价含税，有效期 30 天'
       FROM bench_doc_q q WHERE q.ord BETWEEN ${lo} AND ${hi}`,
  );
  await run(
    db,
    `INSERT INTO quote_lines (quote_id, position, product_id, code, name, specification, unit, quantity, list_price, unit_price,
                              discount, amount, tax_rate, tax_amount, effective_discount, cost_price)
     SELECT q.id, l.position, l.product_id, l.code, l.name, l.specification, l.unit, l.qty, l.list_price, l.list_price, l.discount,
            l.amount, l.tax_rate, round(l.amount * l.tax_rate / (100 + l.tax_rate), 2), l.discount, l.cost_price
       FROM bench_doc_q q JOIN bench_doc_ql l ON l.i = q.i WHERE q.ord BETWEEN ${lo} AND ${hi}`,
  );
}

/** Contracts ord lo..hi and their lines. */
export async function insertContracts(db: Db, lo: number, hi: number) {
  await run(
    db,
    `INSERT INTO contracts (id, owner_id, owner_dept_id, created_by, created_at, updated_by, updated_at, version, number, customer_id,
                            opportunity_id, quote_id, title, status, sign_date, start_date, end_date, payment_terms, amount, tax_total,
                            cost_total, effective_at, end_request, end_reason, ended_at)
     SELECT c.id, c.owner_id, c.owner_dept_id, c.submitter, c.created_at, c.submitter,
            coalesce(c.ended_at, c.effective_at, CASE WHEN c.status = 'in_approval' THEN c.submitted_at END,
                     CASE WHEN c.draft_rejected THEN ${clamp('c.submitted_at + (c.step + 1) * c.gap')} END, c.created_at),
            CASE c.status WHEN 'draft' THEN 1 + 2 * c.draft_rejected::int WHEN 'in_approval' THEN 2 WHEN 'effective' THEN 3 ELSE 5 END,
            c.number, c.customer_id, c.opportunity_id, c.quote_id, c.title, c.status, s.sign_date, s.sign_date, s.sign_date + 364,
            (ARRAY['签约后付 30%，验收后付 70%', '预付 50%，上线后付清', '按季度支付', '验收后 30 天内一次付清'])[1 + c.j % 4],
            c.amount, c.tax_total, c.cost_total, c.effective_at,
            CASE c.status WHEN 'terminated' THEN 'terminate' WHEN 'voided' THEN 'void' END,
            CASE c.status WHEN 'terminated' THEN '客户业务调整，双方协商终止' WHEN 'voided' THEN '合同信息有误，作废重签' END, c.ended_at
       FROM bench_doc_c c
      CROSS JOIN LATERAL (SELECT CASE WHEN c.status IN ('effective', 'terminated', 'voided') OR c.j % 2 = 0
                                      THEN ((c.created_at ${SHANGHAI})::date + 1) END AS sign_date) s
      WHERE c.ord BETWEEN ${lo} AND ${hi}`,
  );
  await run(
    db,
    `INSERT INTO contract_lines (contract_id, position, product_id, code, name, specification, unit, quantity, list_price, unit_price,
                                 discount, amount, tax_rate, tax_amount, effective_discount, cost_price)
     SELECT c.id, l.position, l.product_id, l.code, l.name, l.specification, l.unit, l.qty, l.list_price, l.list_price, l.discount,
            l.amount, l.tax_rate, round(l.amount * l.tax_rate / (100 + l.tax_rate), 2), l.discount, l.cost_price
       FROM bench_doc_c c JOIN bench_doc_cl l ON l.j = c.j WHERE c.ord BETWEEN ${lo} AND ${hi}`,
  );
}

/** The counters every number series would hold after these documents, so new ones continue without a clash or a gap. */
export async function setCounters(db: Db) {
  await run(
    db,
    `INSERT INTO number_counters (key, period, last_value)
     SELECT 'quote', to_char(day, 'YYYYMMDD'), max(seq) FROM bench_doc_q GROUP BY day
     UNION ALL
     SELECT 'contract', period, max(seq) FROM bench_doc_c GROUP BY period
     ON CONFLICT (key, period) DO UPDATE SET last_value = greatest(number_counters.last_value, excluded.last_value)`,
  );
}

export const STAGING_TABLES = ['bench_doc_q', 'bench_doc_ql', 'bench_doc_c', 'bench_doc_cl'];
