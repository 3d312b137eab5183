import type { createAmendmentBody } from '@contracts/contracts.js';
import { fen, formatFen } from '@contracts/quote-money.js';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import { scopeFilter } from '../../platform/access/data-scope.js';
import { registerApprovalType, submitForApproval } from '../../platform/approvals/public.js';
import type { Db } from '../../platform/db/database.js';
import { AppError, fieldError } from '../../platform/http/errors.js';
import { nextNumber } from '../../platform/numbering/numbering.js';
import { writeHistory } from '../../platform/records/history.js';
import { findVisible } from '../../platform/records/record-store.js';
import { buildLines, type StoredLine } from '../quotes/public.js';
import { defaultContractFlow } from './contract-approval.js';
import { whenEffective } from './contract-effects.js';
import { contractEntity } from './contract-entity.js';
import { assertStatus } from './contract-rules.js';
import type { ContractRow, Env } from './contract-service.js';

const negate = (v: string) => formatFen(-fen(v));
/** cost × quantity in fen, half away from zero, for a signed quantity. */
function costOf(quantity: string, cost: string): bigint {
  const exact = fen(cost) * fen(quantity.replace('-', ''));
  const rounded = (exact + 50n) / 100n;
  return quantity.startsWith('-') ? -rounded : rounded;
}

/**
 * Q4: an effective contract changes only by an amendment (补充协议) with its own approval. Its lines add
 * to the contract (or, with a negative quantity, take away); once approved the contract's amount
 * changes by their sum and both stay readable. The freeze trigger lets this one transaction through.
 */
export async function createAmendment(
  trx: Db,
  actor: Actor,
  env: Env,
  contractId: string,
  b: z.infer<typeof createAmendmentBody>,
): Promise<string> {
  const c = (await findVisible(trx, actor, contractEntity, contractId, { forUpdate: true })) as unknown as ContractRow;
  assertStatus(c, ['effective']);
  const open = await trx
    .selectFrom('contract_amendments')
    .select('id')
    .where('contract_id', '=', contractId)
    .where('status', '!=', 'effective')
    .executeTakeFirst();
  if (open) throw new AppError('APPROVAL_PENDING');
  const positive = b.lines.map((l) => ({ ...l, quantity: l.quantity.replace('-', '') }));
  for (const [i, l] of positive.entries()) if (fen(l.quantity) === 0n) throw fieldError(`lines.${i}.quantity`, 'quantity');
  const built = await buildLines(trx, positive, '0.00');
  // A negative quantity takes away: the same figures with the sign turned.
  const lines: StoredLine[] = built.map((l, i) =>
    b.lines[i].quantity.startsWith('-')
      ? { ...l, quantity: `-${l.quantity}`, amount: negate(l.amount), tax_amount: negate(l.tax_amount) }
      : l,
  );
  const change = lines.reduce((s, l) => s + fen(l.amount), 0n);
  if (fen(c.amount) + change < 0n) throw fieldError('lines', 'amendment_below_zero');
  const positionBase = Number(
    (
      await trx
        .selectFrom('contract_lines')
        .select(sql<number>`coalesce(max(position), -1) + 1`.as('p'))
        .where('contract_id', '=', contractId)
        .executeTakeFirstOrThrow()
    ).p,
  );
  const amendment = await trx
    .insertInto('contract_amendments')
    .values({
      contract_id: contractId,
      number: await nextNumber(trx, 'contract_amendment', env.clock.now(), env.timeZone),
      title: b.title,
      reason: b.reason,
      amount_change: formatFen(change),
      created_by: actor.userId,
      created_at: env.clock.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('contract_lines')
    .values(lines.map((l, i) => ({ ...l, position: positionBase + i, contract_id: contractId, amendment_id: amendment.id })))
    .execute();
  await writeHistory(trx, actor, {
    entity: 'contract',
    recordId: contractId,
    action: 'update',
    changes: [{ field: 'amendment', old: null, new: { title: b.title, amountChange: formatFen(change) } }],
  });
  return amendment.id;
}

export async function submitAmendment(trx: Db, actor: Actor, env: Env, contractId: string, amendmentId: string) {
  await findVisible(trx, actor, contractEntity, contractId);
  const a = await trx
    .selectFrom('contract_amendments')
    .select(['id', 'status'])
    .where('id', '=', amendmentId)
    .where('contract_id', '=', contractId)
    .forUpdate()
    .executeTakeFirst();
  if (!a) throw new AppError('NOT_FOUND');
  if (a.status !== 'draft') throw new AppError('APPROVAL_PENDING');
  await trx.updateTable('contract_amendments').set({ status: 'in_approval' }).where('id', '=', amendmentId).execute();
  await submitForApproval(trx, actor, 'contract_amendment', amendmentId, { now: env.clock.now(), timeZone: env.timeZone });
}

async function amendmentOf(trx: Db, id: string) {
  return trx
    .selectFrom('contract_amendments as a')
    .innerJoin('contracts as c', 'c.id', 'a.contract_id')
    .select([
      'a.id',
      'a.number',
      'a.title',
      'a.amount_change',
      'a.status',
      'a.contract_id',
      'c.number as contract_number',
      'c.amount',
      'c.owner_id',
      'c.owner_dept_id',
      'c.customer_id',
      'c.status as contract_status',
    ])
    .where('a.id', '=', id)
    .executeTakeFirst();
}

registerApprovalType({
  type: 'contract_amendment',
  labels: { 'zh-CN': '补充协议', 'zh-TW': '補充協議', en: 'Contract amendment' },
  module: 'contracts',
  link: (id) => `/contracts?amendment=${id}`,
  conditionFields: {
    amount: { kind: 'money', labels: { 'zh-CN': '变更金额', 'zh-TW': '變更金額', en: 'Change in amount' } },
    departmentId: { kind: 'department', labels: { 'zh-CN': '负责人部门', 'zh-TW': '負責人部門', en: 'Owner’s department' } },
  },
  async visible(db, actor, id) {
    const a = await amendmentOf(db, id);
    if (!a) return false;
    return (
      (await db.selectFrom('contracts').select('id').where('id', '=', a.contract_id).where(scopeFilter(actor)).executeTakeFirst()) !==
      undefined
    );
  },
  async load(trx, id) {
    const a = await amendmentOf(trx, id);
    if (!a) return null;
    return {
      title: `${a.contract_number} · ${a.number} ${a.title}`,
      link: `/contracts/${a.contract_id}`,
      ownerId: a.owner_id,
      customerId: a.customer_id,
      amount: a.amount_change,
      facts: { amount: a.amount_change, departmentId: a.owner_dept_id },
    };
  },
  defaultFlow: defaultContractFlow,
  async onApproved(e) {
    const a = await amendmentOf(e.trx, e.documentId);
    if (!a) return;
    await sql`SELECT set_config('crm.amending', 'on', true)`.execute(e.trx);
    await e.trx.updateTable('contract_amendments').set({ status: 'effective', effective_at: e.now }).where('id', '=', a.id).execute();
    const amount = formatFen(fen(a.amount) + fen(a.amount_change));
    // The cost follows the lines: each amendment line's cost × its (signed) quantity; unknown stays unknown.
    const lines = await e.trx.selectFrom('contract_lines').select(['quantity', 'cost_price']).where('amendment_id', '=', a.id).execute();
    const before = await e.trx.selectFrom('contracts').select('cost_total').where('id', '=', a.contract_id).executeTakeFirstOrThrow();
    const costKnown = before.cost_total !== null && lines.every((l) => l.cost_price !== null);
    const costChange = lines.reduce((sum, l) => sum + costOf(l.quantity, l.cost_price ?? '0'), 0n);
    const cost_total = costKnown ? formatFen(fen(before.cost_total as string) + costChange) : null;
    await e.trx
      .updateTable('contracts')
      .set({ amount, cost_total, version: sql`version + 1`, updated_at: e.now })
      .where('id', '=', a.contract_id)
      .execute();
    await sql`SELECT set_config('crm.amending', 'off', true)`.execute(e.trx);
    await writeHistory(e.trx, e.actor, {
      entity: 'contract',
      recordId: a.contract_id,
      action: 'update',
      changes: [{ field: 'amount', old: a.amount, new: amount }],
    });
    // The deal's won figure follows the contract.
    await whenEffective(e.trx, e.actor, e.now, a.contract_id);
  },
  onRejected: async (e) => {
    await e.trx.updateTable('contract_amendments').set({ status: 'draft' }).where('id', '=', e.documentId).execute();
  },
  onWithdrawn: async (e) => {
    await e.trx.updateTable('contract_amendments').set({ status: 'draft' }).where('id', '=', e.documentId).execute();
  },
});
