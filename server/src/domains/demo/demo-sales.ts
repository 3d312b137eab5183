import { type Actor, loadActor } from '../../platform/access/actor.js';
import { systemClock } from '../../platform/clock.js';
import { addDays, businessDate } from '../../platform/dates.js';
import type { Db } from '../../platform/db/database.js';
import { createOrder, recordDelivery, submitOrder } from '../orders/public.js';

const env = { clock: systemClock, timeZone: process.env.CRM_TIME_ZONE ?? 'Asia/Shanghai' };

/** [product code, quantity, percent off the list price]. */
type Line = [code: string, quantity: number, off: number];
/** [rep, which of his customers (by age), days ago, lines]. */
type Repeat = [rep: string, customer: number, daysAgo: number, lines: Line[]];

// Seed 004 (客户保持型, repeat buyers of milk powder): half a year of delivered orders across the three
// regions, so 产品销售分析 has a believable picture. The last 90 days against the 90 before: the 3-段
// cans and the boxes sell steadily and grow, 2 段 is new this quarter, 中老年高钙 sold before and has
// stopped (a slow seller that fell), 蛋白粉 goes out at deep discounts in 杭州 and 深圳 (a price to
// review), the scanner never sells.
const REPEATS: Repeat[] = [
  // previous period (91–180 days ago)
  [
    'zhou.sh1',
    0,
    170,
    [
      ['NF-003', 120, 0],
      ['NF-010', 60, 0],
    ],
  ],
  [
    'wu.sh2',
    0,
    160,
    [
      ['NF-001', 80, 0],
      ['NF-010', 40, 5],
    ],
  ],
  [
    'zheng.hz1',
    0,
    150,
    [
      ['NF-100', 12, 0],
      ['YY-001', 30, 0],
    ],
  ],
  [
    'wang.hz2',
    0,
    140,
    [
      ['YY-001', 40, 15],
      ['NF-003', 60, 0],
    ],
  ],
  [
    'feng.gz1',
    0,
    130,
    [
      ['NF-010', 90, 0],
      ['YY-002', 100, 0],
    ],
  ],
  ['chen.sz1', 0, 125, [['NF-100', 20, 12]]],
  [
    'wei.bj1',
    0,
    118,
    [
      ['NF-003', 90, 0],
      ['NF-010', 50, 0],
    ],
  ],
  ['jiang.bj2', 0, 110, [['NF-001', 60, 0]]],
  [
    'shen.tj1',
    0,
    100,
    [
      ['NF-010', 70, 8],
      ['YY-002', 60, 0],
    ],
  ],
  ['chu.sz2', 0, 96, [['NF-003', 50, 0]]],
  // this period (the last 90 days)
  [
    'zhou.sh1',
    0,
    80,
    [
      ['NF-003', 150, 0],
      ['NF-100', 10, 0],
    ],
  ],
  [
    'zhou.sh1',
    1,
    45,
    [
      ['NF-002', 80, 0],
      ['NF-003', 60, 3],
    ],
  ],
  [
    'wu.sh2',
    0,
    70,
    [
      ['NF-001', 100, 0],
      ['NF-002', 40, 0],
    ],
  ],
  ['wu.sh2', 1, 30, [['NF-003', 90, 0]]],
  [
    'zheng.hz1',
    0,
    65,
    [
      ['NF-100', 18, 0],
      ['YY-001', 20, 0],
    ],
  ],
  ['zheng.hz1', 1, 20, [['NF-002', 60, 5]]],
  [
    'wang.hz2',
    0,
    60,
    [
      ['YY-001', 60, 18],
      ['NF-003', 80, 0],
    ],
  ],
  ['wang.hz2', 1, 25, [['YY-001', 30, 18]]],
  [
    'feng.gz1',
    0,
    55,
    [
      ['NF-003', 100, 0],
      ['YY-002', 80, 0],
    ],
  ],
  [
    'chen.sz1',
    0,
    50,
    [
      ['NF-100', 25, 12],
      ['YY-001', 40, 20],
    ],
  ],
  ['chen.sz1', 1, 15, [['NF-100', 15, 12]]],
  [
    'chu.sz2',
    0,
    40,
    [
      ['NF-003', 70, 0],
      ['NF-001', 30, 0],
    ],
  ],
  [
    'wei.bj1',
    0,
    35,
    [
      ['NF-003', 110, 0],
      ['NF-002', 50, 0],
    ],
  ],
  [
    'jiang.bj2',
    0,
    28,
    [
      ['NF-001', 90, 0],
      ['NF-100', 8, 5],
    ],
  ],
  [
    'shen.tj1',
    0,
    18,
    [
      ['NF-003', 40, 0],
      ['YY-002', 40, 10],
    ],
  ],
  ['wei.bj1', 1, 8, [['NF-100', 12, 0]]],
];

/** The list price less a whole percent, exactly (in fen), as the rep would type it. */
function discounted(list: string, off: number): string {
  const [yuan, fen = '0'] = list.split('.');
  const cents = BigInt(yuan) * 100n + BigInt(fen.padEnd(2, '0').slice(0, 2));
  const price = (cents * BigInt(100 - off) + 50n) / 100n;
  return `${price / 100n}.${String(price % 100n).padStart(2, '0')}`;
}

/** T5 on the first start: the repeat orders above, confirmed and delivered in full, walked through the order services. */
export async function seedDemoSales(trx: Db, users: Map<string, { id: string }>) {
  const actor = async (username: string): Promise<Actor> => {
    const a = await loadActor(trx, users.get(username)?.id as string);
    return { ...(a as Omit<Actor, 'via'>), via: 'session' };
  };
  const catalogue = new Map(
    (await trx.selectFrom('products').select(['id', 'code', 'list_price']).execute()).map((p) => [
      p.code,
      { id: p.id, list: p.list_price },
    ]),
  );
  const today = businessDate(env.clock.now(), env.timeZone);
  for (const [username, nth, daysAgo, lines] of REPEATS) {
    const userId = users.get(username)?.id;
    if (!userId || lines.some(([code]) => !catalogue.has(code))) continue;
    const customer = await trx
      .selectFrom('customers')
      .select('id')
      .where('owner_id', '=', userId)
      .where('deleted_at', 'is', null)
      .orderBy('created_at')
      .offset(nth + 3)
      .limit(1)
      .executeTakeFirst();
    if (!customer) continue;
    const rep = await actor(username);
    const orderDate = addDays(today, -daysAgo);
    const id = await createOrder(trx, rep, env, {
      customerId: customer.id,
      orderDate,
      note: null,
      lines: lines.map(([code, quantity, off]) => {
        const p = catalogue.get(code) as { id: string; list: string };
        return {
          productId: p.id,
          quantity: String(quantity),
          unitPrice: discounted(p.list, off),
          requiredDate: addDays(orderDate, 5),
          note: null,
        };
      }),
    });
    const { version } = await trx.selectFrom('orders').select('version').where('id', '=', id).executeTakeFirstOrThrow();
    await submitOrder(trx, rep, env, id, version);
    const { status } = await trx.selectFrom('orders').select('status').where('id', '=', id).executeTakeFirstOrThrow();
    if (status !== 'confirmed') continue;
    const placed = await trx.selectFrom('order_lines').select(['id', 'quantity']).where('order_id', '=', id).orderBy('position').execute();
    await recordDelivery(trx, rep, {
      orderId: id,
      deliveredOn: addDays(orderDate, 3),
      carrier: '顺丰',
      trackingNo: null,
      note: null,
      lines: placed.map((l) => ({ orderLineId: l.id, quantity: l.quantity })),
    });
  }
}
