// Pieces of the document benchmark (bench/documents.ts) that talk to the running app: signing in as a
// browser does (session cookie + CSRF header), creating pending approvals through the real routes
// for the approve scenario, and the document-number checks.
import { sql } from 'kysely';
import type pg from 'pg';
import type { Database } from '../../server/src/platform/db/database.js';
import { businessDate } from '../../server/src/platform/dates.js';
import { counterPeriod, formatNumber, nextNumber, registerNumberSeries } from '../../server/src/platform/numbering/numbering.js';
import { BENCH_PASSWORD } from './dataset.js';
import { runPosts } from './post-load.js';

export interface Session {
  username: string;
  userId: string;
  /** Cookie and CSRF header, as the web client sends them on a write. */
  headers: Record<string, string>;
}

export async function login(base: string, username: string): Promise<Session> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { me: { id: string } };
  const cookies = Object.fromEntries(res.headers.getSetCookie().map((c) => c.split(';')[0].split('=') as [string, string]));
  return {
    username,
    userId: body.me.id,
    headers: { cookie: `crm_session=${cookies.crm_session}; crm_csrf=${cookies.crm_csrf}`, 'x-csrf-token': cookies.crm_csrf },
  };
}

export async function call(base: string, s: Session, method: string, path: string, body?: unknown, extra: Record<string, string> = {}) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...s.headers, ...extra, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  if (res.status >= 300) throw new Error(`${method} ${path} as ${s.username}: ${res.status} ${JSON.stringify(json)}`);
  return json as Record<string, unknown>;
}

/**
 * Documents waiting on `approver` at his step, created and submitted through the API by the reps of
 * his department: quotes with a 20 % discount (beyond a rep's 10 %: one step, his manager) or
 * contracts (seed 002's first step is the submitter's manager). Returns the approval request ids.
 */
export async function preparePending(
  base: string,
  database: Database,
  kind: 'quote' | 'contract',
  count: number,
  approver: Session,
  reps: Session[],
): Promise<string[]> {
  const db = database.db;
  const product = await db
    .selectFrom('products')
    .select('id')
    .where('kind', '=', 'product')
    .where('active', '=', true)
    .executeTakeFirstOrThrow();
  const owned = async (table: 'opportunities' | 'customers', rep: Session) =>
    (
      await db
        .selectFrom(table)
        .select('id')
        .where('owner_id', '=', rep.userId)
        .where('deleted_at', 'is', null)
        .orderBy('id')
        .limit(50)
        .execute()
    ).map((r) => r.id);
  const parents = new Map<string, string[]>();
  for (const rep of reps) parents.set(rep.userId, await owned(kind === 'quote' ? 'opportunities' : 'customers', rep));
  const ids: string[] = [];
  let next = 0;
  // A few at a time: this is set-up, not the measurement.
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < count) {
        const i = next++;
        const rep = reps[i % reps.length];
        const pool = parents.get(rep.userId) ?? [];
        const parent = pool[Math.floor(i / reps.length) % pool.length];
        const line = { productId: product.id, quantity: '2', ...(kind === 'quote' ? { discount: '20' } : {}) };
        const body = kind === 'quote' ? { opportunityId: parent, lines: [line] } : { customerId: parent, lines: [line] };
        const doc = await call(base, rep, 'POST', `/api/v1/${kind}s`, body);
        await call(base, rep, 'POST', `/api/v1/${kind}s/${doc.id}/submit`, { version: doc.version });
        ids.push(String(doc.id));
      }
    }),
  );
  const rows = await sql<{ id: string; mine: boolean }>`
    SELECT r.id, EXISTS (SELECT 1 FROM approval_tasks t WHERE t.request_id = r.id AND t.status = 'pending'
                                                       AND ${approver.userId}::uuid = ANY(t.approver_ids)) AS mine
      FROM approval_requests r WHERE r.document_type = ${kind} AND r.document_id = ANY(${ids}::uuid[]) AND r.status = 'pending'`.execute(
    db,
  );
  if (rows.rows.length !== count || rows.rows.some((r) => !r.mine))
    throw new Error(`expected ${count} ${kind} requests pending on ${approver.username}, found ${rows.rows.filter((r) => r.mine).length}`);
  return rows.rows.map((r) => r.id);
}

export interface NumberCheck {
  how: string;
  round: number;
  numbers: string[];
  expected: string[];
  ok: boolean;
  ms: number;
  slowestMs: number;
}

const TZ = 'Asia/Shanghai';
const lastValue = async (db: Database['db'], key: string, period: string) =>
  Number(
    (await db.selectFrom('number_counters').select('last_value').where('key', '=', key).where('period', '=', period).executeTakeFirst())
      ?.last_value ?? 0,
  );
const consecutive = (pattern: string, date: string, from: number) =>
  Array.from({ length: 20 }, (_, k) => formatNumber(pattern, date, from + k + 1));

// A series of the benchmark's own with the contract pattern, so the engine-level check takes no
// contract number (a committed number without its contract would be a gap in the real series).
const BENCH_SERIES = registerNumberSeries({
  key: 'bench_numbers',
  labels: { 'zh-CN': '基准测试', 'zh-TW': '基準測試', en: 'Benchmark' },
  pattern: 'HT-{YYYY}-{MM}-{SEQ:4}',
  reset: 'monthly',
});

/**
 * 20 concurrent transactions each take the next number of one series with nextNumber and hold it for
 * `holdMs` (the document's own insert in the same transaction), on 20 connections of their own.
 */
export async function numbersByEngine(url: string, rounds: number, holdMs: number): Promise<NumberCheck[]> {
  const { openPostgres } = await import('../../server/src/platform/db/database.js');
  const own = await openPostgres(url, 20);
  const out: NumberCheck[] = [];
  try {
    for (let round = 1; round <= rounds; round++) {
      const now = new Date();
      const date = businessDate(now, TZ);
      const before = await lastValue(own.db, BENCH_SERIES.key, counterPeriod(BENCH_SERIES.reset, date));
      const t = performance.now();
      let slowest = 0;
      const numbers = await Promise.all(
        Array.from({ length: 20 }, () =>
          own.db.transaction().execute(async (trx) => {
            const ts = performance.now();
            const n = await nextNumber(trx, BENCH_SERIES.key, now, TZ);
            await sql`SELECT pg_sleep(${holdMs / 1000})`.execute(trx);
            slowest = Math.max(slowest, performance.now() - ts);
            return n;
          }),
        ),
      );
      const expected = consecutive(BENCH_SERIES.pattern, date, before);
      out.push({
        how: `nextNumber × 20 transactions (hold ${holdMs} ms)`,
        round,
        numbers,
        expected,
        ok: JSON.stringify([...numbers].sort()) === JSON.stringify(expected),
        ms: performance.now() - t,
        slowestMs: slowest,
      });
    }
  } finally {
    await own.close();
  }
  return out;
}

/** 20 concurrent POST /api/v1/contracts (each a transaction that takes the next HT number), checked against the counter and the table. */
export async function numbersByApi(base: string, database: Database, rep: Session, rounds: number): Promise<NumberCheck[]> {
  const db = database.db;
  const product = await db
    .selectFrom('products')
    .select('id')
    .where('kind', '=', 'product')
    .where('active', '=', true)
    .executeTakeFirstOrThrow();
  const customer = await db.selectFrom('customers').select('id').where('owner_id', '=', rep.userId).orderBy('id').executeTakeFirstOrThrow();
  const out: NumberCheck[] = [];
  for (let round = 1; round <= rounds; round++) {
    const date = businessDate(new Date(), TZ);
    const before = await lastValue(db, 'contract', counterPeriod('monthly', date));
    const body = { customerId: customer.id, title: `编号并发测试 ${round}`, lines: [{ productId: product.id, quantity: '1' }] };
    const res = await runPosts({
      base,
      requests: Array.from({ length: 20 }, () => ({ path: '/api/v1/contracts', body })),
      headers: rep.headers,
      connections: 20,
      pick: 'number',
    });
    const numbers = res.picked.map(String);
    const expected = consecutive('HT-{YYYY}-{MM}-{SEQ:4}', date, before);
    const stored = await sql<{ n: string }>`SELECT count(*) AS n FROM contracts WHERE number = ANY(${numbers})`.execute(db);
    out.push({
      how: 'POST /api/v1/contracts × 20 (pool of 10)',
      round,
      numbers,
      expected,
      ok: res.failures === 0 && JSON.stringify([...numbers].sort()) === JSON.stringify(expected) && Number(stored.rows[0].n) === 20,
      ms: res.seconds * 1000,
      slowestMs: res.p99,
    });
  }
  return out;
}

/** EXPLAIN (ANALYZE, BUFFERS) of recorded statements; writes run inside a transaction that is rolled back. */
export async function explainAll(pool: pg.Pool, title: string, queries: { text: string; values: unknown[] }[]): Promise<string> {
  const parts = [`## ${title}`];
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    for (const q of queries) {
      if (/^\s*(begin|commit|rollback)\b/i.test(q.text)) continue;
      await client.query('SAVEPOINT s');
      try {
        const res = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.text}`, q.values);
        parts.push(`\n${q.text}\n-- ${JSON.stringify(q.values)}\n${res.rows.map((r) => Object.values(r)[0]).join('\n')}`);
      } catch (e) {
        await client.query('ROLLBACK TO SAVEPOINT s');
        parts.push(`\n${q.text}\n-- ${JSON.stringify(q.values)}\n(not explained: ${String(e)})`);
      }
    }
  } finally {
    await client.query('ROLLBACK');
    client.release();
  }
  return parts.join('\n');
}
