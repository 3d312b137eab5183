import { type Actor, loadActor } from '../../platform/access/actor.js';
import { decide } from '../../platform/approvals/engine.js';
import { latestRequestOf } from '../../platform/approvals/public.js';
import { systemClock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { createContract, recordProgress, submitContract } from '../contracts/public.js';
import { acceptQuote, createQuote, sendQuote, submitQuote } from '../quotes/public.js';

const env = { clock: systemClock, timeZone: process.env.CRM_TIME_ZONE ?? 'Asia/Shanghai' };

/**
 * Q2–Q5 on the first start: 华东's reps have quotes in every state, one over the discount limit
 * waiting in 钱经理's 待我审批, an effective contract with progress recorded and one waiting for the
 * project manager — walked through the real services and the approval engine, as the team would.
 */
export async function seedDemoDocuments(trx: Db, users: Map<string, { id: string }>) {
  const actor = async (username: string): Promise<Actor> => {
    const a = await loadActor(trx, users.get(username)?.id as string);
    return { ...(a as Omit<Actor, 'via'>), via: 'session' };
  };
  const product = async (code: string) =>
    (await trx.selectFrom('products').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const [milk, box, display, live] = await Promise.all(['NF-003', 'NF-100', 'TG-001', 'TG-003'].map(product));
  const deals = await trx
    .selectFrom('opportunities as o')
    .innerJoin('users as u', 'u.id', 'o.owner_id')
    .select(['o.id', 'u.username'])
    .where('u.username', 'in', ['zhou.sh1', 'wu.sh2'])
    .where('o.status', '=', 'open')
    .where('o.deleted_at', 'is', null)
    .orderBy('o.created_at')
    .limit(6)
    .execute();
  if (deals.length < 6) return;
  const approveAs = async (username: string, type: string, documentId: string, comment: string | null = null) => {
    const requestId = await latestRequestOf(trx, type, documentId);
    if (requestId) await decide(trx, await actor(username), requestId, 'approve', comment, { now: new Date(), timeZone: env.timeZone });
  };
  const quote = async (i: number, lines: { productId: string; quantity: string; discount?: string }[]) => {
    const rep = await actor(deals[i].username);
    const id = await createQuote(trx, rep, env, {
      opportunityId: deals[i].id,
      wholeDiscount: '0.00',
      validUntil: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
      lines: lines.map((l) => ({ ...l, discount: l.discount ?? '0.00', bundleId: null, unitPrice: null })),
      title: null,
      notes: null,
      terms: '报价含 13% 增值税（服务 6%），有效期 30 天；款到发货。',
    });
    return { rep, id };
  };
  const version = async (table: 'quotes' | 'contracts', id: string) =>
    (await trx.selectFrom(table).select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;

  // Accepted, then drafted into a contract that all four approved: effective, with progress.
  const won = await quote(0, [
    { productId: box, quantity: '120', discount: '5' },
    { productId: display, quantity: '20' },
  ]);
  await sendQuote(trx, won.rep, env, won.id, await version('quotes', won.id));
  await acceptQuote(trx, won.rep, env, won.id, { version: await version('quotes', won.id), moveOpportunity: false });
  const contract = await createContract(trx, won.rep, env, {
    quoteId: won.id,
    signDate: new Date().toISOString().slice(0, 10),
    paymentTerms: '签约后付 30%，到货验收后付 60%，推广结束付清 10%',
    notes: null,
  });
  await submitContract(trx, won.rep, env, contract, await version('contracts', contract));
  for (const [who, note] of [
    ['qian.east', '价格在权限内，同意'],
    ['qin.pm', '门店推广可执行'],
    ['han.fin', null],
    ['zhu.legal', null],
  ] as const)
    await approveAs(who, 'contract', contract, note);
  const line = await trx
    .selectFrom('contract_lines')
    .select('id')
    .where('contract_id', '=', contract)
    .orderBy('position')
    .executeTakeFirstOrThrow();
  await recordProgress(trx, won.rep, env, contract, line.id, {
    percent: '40.00',
    milestone: '首批 48 箱到货',
    reachedOn: new Date().toISOString().slice(0, 10),
    note: '客户已签收',
  });

  // Accepted and submitted: the manager agreed, the project manager has it now.
  const second = await quote(1, [{ productId: live, quantity: '2' }]);
  await sendQuote(trx, second.rep, env, second.id, await version('quotes', second.id));
  await acceptQuote(trx, second.rep, env, second.id, { version: await version('quotes', second.id), moveOpportunity: false });
  const waiting = await createContract(trx, second.rep, env, { quoteId: second.id, paymentTerms: '款到发货', notes: null });
  await submitContract(trx, second.rep, env, waiting, await version('contracts', waiting));
  await approveAs('qian.east', 'contract', waiting);

  // 15 % off is beyond a rep's 10 %: it waits in 钱经理's 待我审批.
  const over = await quote(2, [{ productId: milk, quantity: '300', discount: '15' }]);
  await submitQuote(trx, over.rep, env, over.id, await version('quotes', over.id));
  // Sent and waiting for the customer; and a draft still being worked on.
  const sent = await quote(3, [{ productId: box, quantity: '60', discount: '8' }]);
  await sendQuote(trx, sent.rep, env, sent.id, await version('quotes', sent.id));
  await quote(4, [
    { productId: display, quantity: '10' },
    { productId: milk, quantity: '100', discount: '3' },
  ]);
}
