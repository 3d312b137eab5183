import type { FlowDefinition } from '@contracts/approvals.js';
import { sql } from 'kysely';
import { type Actor, loadActor } from '../platform/access/actor.js';
import { registerApprovalType, submitForApproval } from '../platform/approvals/public.js';
import type { Db } from '../platform/db/database.js';

// A throw-away document type for the engine's tests, registered the way quotes and contracts
// register themselves: the engine knows nothing else about it. The test creates its table.
export const MEMO = 'test-memo';
let defaultFlow: FlowDefinition | null = null;
export const setDefaultMemoFlow = (f: FlowDefinition | null) => {
  defaultFlow = f;
};

registerApprovalType({
  type: MEMO,
  labels: { 'zh-CN': '测试单', 'zh-TW': '測試單', en: 'Test memo' },
  module: 'customers',
  link: (id) => `/memos/${id}`,
  conditionFields: {
    amount: { kind: 'money', labels: { 'zh-CN': '金额', 'zh-TW': '金額', en: 'Amount' } },
    maxDiscount: { kind: 'percent', labels: { 'zh-CN': '最大折扣', 'zh-TW': '最大折扣', en: 'Largest discount' } },
  },
  async visible(db, actor, id) {
    const row = await db
      .selectFrom('test_memos' as never)
      .select(sql<string>`owner_id`.as('owner_id'))
      .where(sql`id`, '=', id)
      .executeTakeFirst();
    return (row as { owner_id?: string } | undefined)?.owner_id === actor.userId;
  },
  async load(trx, id) {
    const { rows } = await sql<{ title: string; amount: string; discount: string; owner_id: string }>`
      SELECT title, amount::text, discount::text, owner_id FROM test_memos WHERE id = ${id}`.execute(trx);
    const m = rows[0];
    return m
      ? { title: m.title, ownerId: m.owner_id, customerId: null, amount: m.amount, facts: { amount: m.amount, maxDiscount: m.discount } }
      : null;
  },
  defaultFlow: async () => defaultFlow,
  onApproved: (e) => setStatus(e.trx, e.documentId, 'approved'),
  onRejected: (e) => setStatus(e.trx, e.documentId, 'draft'),
  onWithdrawn: (e) => setStatus(e.trx, e.documentId, 'draft'),
});

async function setStatus(trx: Db, id: string, status: string) {
  await sql`UPDATE test_memos SET status = ${status} WHERE id = ${id}`.execute(trx);
}

export async function createMemoTable(db: Db) {
  await sql`CREATE TABLE IF NOT EXISTS test_memos (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(), title text NOT NULL, amount numeric(14,2) NOT NULL,
    discount numeric(5,2) NOT NULL DEFAULT 0, owner_id uuid NOT NULL, status text NOT NULL DEFAULT 'draft')`.execute(db);
}

export async function makeMemo(db: Db, ownerId: string, amount = '1000.00', discount = '0') {
  const { rows } = await sql<{ id: string }>`
    INSERT INTO test_memos (title, amount, discount, owner_id) VALUES (${`备忘 ${amount}`}, ${amount}, ${discount}, ${ownerId}) RETURNING id`.execute(
    db,
  );
  return rows[0].id;
}

export async function memoStatus(db: Db, id: string): Promise<string> {
  const { rows } = await sql<{ status: string }>`SELECT status FROM test_memos WHERE id = ${id}`.execute(db);
  return rows[0].status;
}

/** Submits as the document's own route would: in one transaction, with the document's checks done. */
export async function submitMemo(db: Db, userId: string, id: string, now = new Date()) {
  const actor = { ...(await loadActor(db, userId)), via: 'session' } as Actor;
  return db.transaction().execute(async (trx) => {
    await sql`UPDATE test_memos SET status = 'in_approval' WHERE id = ${id}`.execute(trx);
    return submitForApproval(trx, actor, MEMO, id, { now, timeZone: 'Asia/Shanghai' });
  });
}
