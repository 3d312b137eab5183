import { splitEvenly } from '@contracts/receivables.js';
import { type Actor, loadActor } from '../../platform/access/actor.js';
import { decide } from '../../platform/approvals/engine.js';
import { latestRequestOf } from '../../platform/approvals/public.js';
import { systemClock } from '../../platform/clock.js';
import { businessDate } from '../../platform/dates.js';
import type { Db } from '../../platform/db/database.js';
import { createContract, submitContract } from '../contracts/public.js';
import { confirmPayment, createInvoice, createPayment, replacePaymentPlan } from '../receivables/public.js';

const env = { clock: systemClock, timeZone: process.env.CRM_TIME_ZONE ?? 'Asia/Shanghai' };

const addDays = (date: string, days: number) => {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};

interface Story {
  rep: string;
  title: string;
  product: string;
  quantity: string;
  signedDaysAgo: number;
  /** The first instalment falls due this many days after signing; the others every `monthsApart` months. */
  firstDueAfter: number;
  monthsApart: number;
  terms: string;
  milestones: [string, string, string];
}

// Three contracts signed in the past months, each at another point of collection (seed 002):
// one nearly collected and invoiced, one with its second instalment overdue, one whose rep
// registered a first payment that finance has not confirmed yet.
const STORIES: Story[] = [
  {
    rep: 'chen.sz1',
    title: '年度门店供货合同',
    product: 'NF-100',
    quantity: '60',
    signedDaysAgo: 150,
    firstDueAfter: 10,
    monthsApart: 3,
    terms: '签约后 10 日内付 1/3，到货后付 1/3，年底付清',
    milestones: ['签约预付', '到货验收', '年底结清'],
  },
  {
    rep: 'wei.bj1',
    title: '门店陈列推广合同',
    product: 'TG-001',
    quantity: '40',
    signedDaysAgo: 95,
    firstDueAfter: 15,
    monthsApart: 2,
    terms: '分三期支付，每期推广结束后付款',
    milestones: ['首批门店上线', '中期评估', '推广结束'],
  },
  {
    rep: 'feng.gz1',
    title: '直播带货服务合同',
    product: 'TG-003',
    quantity: '3',
    signedDaysAgo: 40,
    firstDueAfter: 30,
    monthsApart: 3,
    terms: '每场直播结束后 30 日内付款',
    milestones: ['第一场直播', '第二场直播', '第三场直播'],
  },
];

/**
 * M1 on the first start: payment plans of three instalments, confirmed payments, one payment a rep
 * expects (预计回款, waiting for finance), an overdue instalment and an invoice — walked through the
 * contract and receivable services and the approval engine, as the team would.
 */
export async function seedDemoReceivables(trx: Db, users: Map<string, { id: string }>) {
  const actor = async (username: string): Promise<Actor> => {
    const a = await loadActor(trx, users.get(username)?.id as string);
    return { ...(a as Omit<Actor, 'via'>), via: 'session' };
  };
  const today = businessDate(new Date(), env.timeZone);
  const finance = await actor('han.fin');

  /** Approves each open step as its first approver, until the contract is in force. */
  const approveAll = async (contractId: string) => {
    const requestId = await latestRequestOf(trx, 'contract', contractId);
    if (!requestId) return;
    for (let round = 0; round < 8; round++) {
      const pending = await trx
        .selectFrom('approval_tasks')
        .select('approver_ids')
        .where('request_id', '=', requestId)
        .where('status', '=', 'pending')
        .execute();
      if (pending.length === 0) return;
      for (const task of pending) {
        const who = await loadActor(trx, task.approver_ids[0]);
        await decide(trx, { ...(who as Omit<Actor, 'via'>), via: 'session' }, requestId, 'approve', null, {
          now: new Date(),
          timeZone: env.timeZone,
        });
      }
    }
  };

  const effective: { id: string; amount: string; rep: Actor; instalments: { id: string; amount: string }[] }[] = [];
  for (const s of STORIES) {
    const rep = await actor(s.rep);
    const customer = await trx
      .selectFrom('customers')
      .select('id')
      .where('owner_id', '=', rep.userId)
      .where('deleted_at', 'is', null)
      .orderBy('created_at')
      .executeTakeFirst();
    const product = await trx.selectFrom('products').select('id').where('code', '=', s.product).executeTakeFirst();
    if (!customer || !product) continue;
    const signDate = addDays(today, -s.signedDaysAgo);
    const id = await createContract(trx, rep, env, {
      customerId: customer.id,
      title: s.title,
      signDate,
      paymentTerms: s.terms,
      notes: null,
      lines: [{ productId: product.id, quantity: s.quantity, discount: '0.00', bundleId: null, unitPrice: null }],
    });
    const { version } = await trx.selectFrom('contracts').select('version').where('id', '=', id).executeTakeFirstOrThrow();
    await submitContract(trx, rep, env, id, version);
    await approveAll(id);
    const c = await trx.selectFrom('contracts').select(['status', 'amount']).where('id', '=', id).executeTakeFirstOrThrow();
    if (c.status !== 'effective') continue;
    const split = splitEvenly(c.amount, 3, addDays(signDate, s.firstDueAfter), s.monthsApart);
    const plan = await replacePaymentPlan(trx, rep, id, {
      instalments: split.map((p, i) => ({ ...p, milestone: s.milestones[i], note: null })),
    });
    effective.push({ id, amount: c.amount, rep, instalments: plan.instalments });
  }
  if (effective.length < 3) return;
  const [collected, overdue, expected] = effective;
  const pay = async (who: Actor, contractId: string, receivedOn: string, amount: string, reference: string) =>
    createPayment(trx, who, env, { contractId, receivedOn, amount, method: 'bank_transfer', bankReference: reference, note: null });

  // Nearly collected: two instalments received (finance's payments are confirmed at once) and invoiced.
  const [c1, c2] = collected.instalments;
  await pay(finance, collected.id, addDays(today, -138), c1.amount, 'ICBC20260712-0031');
  await pay(finance, collected.id, addDays(today, -75), c2.amount, 'ICBC20260915-0107');
  await createInvoice(trx, finance, {
    contractId: collected.id,
    number: '31000261120000456789',
    issuedOn: addDays(today, -140),
    amount: c1.amount,
    type: 'vat_special',
    taxRate: '13',
    note: null,
  });

  // The first instalment paid, the second overdue for some weeks.
  await pay(finance, overdue.id, addDays(today, -78), overdue.instalments[0].amount, 'CMB20260904-2210');

  // The rep says the customer has paid the first instalment; finance has not seen it on the statement yet.
  await pay(expected.rep, expected.id, addDays(today, -3), expected.instalments[0].amount, 'BOC20261204-0815');
  // And one he registered earlier that finance has since confirmed: part of the second instalment.
  const confirmedLater = await pay(expected.rep, expected.id, addDays(today, -1), '5000.00', 'BOC20261206-0020');
  await confirmPayment(trx, finance, env, confirmedLater);
}
