import { type Actor, loadActor } from '../../platform/access/actor.js';
import { systemClock } from '../../platform/clock.js';
import { addDays, businessDate } from '../../platform/dates.js';
import type { Db } from '../../platform/db/database.js';
import { createOrder, recordDelivery, submitOrder } from '../orders/public.js';

const env = { clock: systemClock, timeZone: process.env.CRM_TIME_ZONE ?? 'Asia/Shanghai' };

/**
 * M2 on the first start (seed 004, repeat buyers): 华东's reps have orders of milk powder for their
 * customers — one partly delivered with the rest due today and tomorrow, one due later this week,
 * one already late, one delivered in full and one still a draft — so 发货提醒 has something in
 * every tab. Walked through the real services, as the team would.
 */
export async function seedDemoOrders(trx: Db, users: Map<string, { id: string }>) {
  const actor = async (username: string): Promise<Actor> => {
    const a = await loadActor(trx, users.get(username)?.id as string);
    return { ...(a as Omit<Actor, 'via'>), via: 'session' };
  };
  const product = async (code: string) => (await trx.selectFrom('products').select('id').where('code', '=', code).executeTakeFirst())?.id;
  const [can3, box, can1] = await Promise.all(['NF-003', 'NF-100', 'NF-001'].map(product));
  if (!can3 || !box || !can1) return;
  const customersOf = async (username: string, n: number) =>
    (
      await trx
        .selectFrom('customers')
        .select('id')
        .where('owner_id', '=', users.get(username)?.id as string)
        .where('deleted_at', 'is', null)
        .orderBy('created_at')
        .limit(n)
        .execute()
    ).map((c) => c.id);
  const zhouCustomers = await customersOf('zhou.sh1', 3);
  const wuCustomers = await customersOf('wu.sh2', 2);
  if (zhouCustomers.length < 3 || wuCustomers.length < 2) return;
  const today = businessDate(env.clock.now(), env.timeZone);
  const day = (n: number) => addDays(today, n);
  const version = async (id: string) =>
    (await trx.selectFrom('orders').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
  const lineIds = async (id: string) =>
    (await trx.selectFrom('order_lines').select('id').where('order_id', '=', id).orderBy('position').execute()).map((l) => l.id);

  const order = async (
    username: string,
    customerId: string,
    orderDate: string,
    lines: { productId: string; quantity: string; requiredDate: string }[],
    opts: { submit?: boolean; note?: string } = {},
  ) => {
    const rep = await actor(username);
    const id = await createOrder(trx, rep, env, {
      customerId,
      orderDate,
      note: opts.note ?? null,
      lines: lines.map((l) => ({ ...l, note: null })),
    });
    if (opts.submit !== false) await submitOrder(trx, rep, env, id, await version(id));
    return { rep, id, lines: await lineIds(id) };
  };

  // Repeat order, first batch out yesterday: the rest of the cans due today, the boxes tomorrow.
  const split = await order(
    'zhou.sh1',
    zhouCustomers[0],
    day(-6),
    [
      { productId: can3, quantity: '200', requiredDate: today },
      { productId: box, quantity: '40', requiredDate: day(1) },
    ],
    { note: '老客户月度补货，分两批送到门店仓库' },
  );
  await recordDelivery(trx, split.rep, {
    orderId: split.id,
    deliveredOn: day(-1),
    carrier: '顺丰',
    trackingNo: 'SF1408823310',
    note: '首批 120 罐，客户仓库已签收',
    lines: [{ orderLineId: split.lines[0], quantity: '120' }],
  });

  // Due later this week.
  await order('wu.sh2', wuCustomers[0], day(-2), [
    { productId: can1, quantity: '96', requiredDate: day(3) },
    { productId: can3, quantity: '48', requiredDate: day(5) },
  ]);

  // Late: 20 boxes still owed two days after the date the customer asked for.
  const late = await order('zhou.sh1', zhouCustomers[1], day(-10), [{ productId: box, quantity: '60', requiredDate: day(-2) }]);
  await recordDelivery(trx, late.rep, {
    orderId: late.id,
    deliveredOn: day(-3),
    carrier: '德邦',
    trackingNo: 'DB55201937',
    note: null,
    lines: [{ orderLineId: late.lines[0], quantity: '40' }],
  });

  // Delivered in full last week.
  const done = await order('wu.sh2', wuCustomers[1], day(-12), [{ productId: can3, quantity: '100', requiredDate: day(-5) }]);
  await recordDelivery(trx, done.rep, {
    orderId: done.id,
    deliveredOn: day(-5),
    carrier: '自提',
    trackingNo: null,
    note: '客户自己派车来提',
    lines: [{ orderLineId: done.lines[0], quantity: '100' }],
  });

  // A draft still being put together.
  await order('zhou.sh1', zhouCustomers[2], today, [{ productId: box, quantity: '30', requiredDate: day(10) }], { submit: false });
}
