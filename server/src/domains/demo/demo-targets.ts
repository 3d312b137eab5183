import { type Actor, loadActor } from '../../platform/access/actor.js';
import { systemClock } from '../../platform/clock.js';
import { businessDate } from '../../platform/dates.js';
import type { Db } from '../../platform/db/database.js';
import { createTarget, evenSplit, saveCells } from '../targets/public.js';

const timeZone = process.env.CRM_TIME_ZONE ?? 'Asia/Shanghai';
const env = { clock: systemClock, timeZone };
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const yuan = (fen: bigint) => `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`;

/** [region manager, region, sub-groups (or null: the reps sit in the region itself)] as in seed-demo.ts. */
const REGIONS: [manager: string, region: string, groups: string[] | null][] = [
  ['qian.east', '华东销售部', ['上海一组', '杭州组']],
  ['sun.south', '华南销售部', null],
  ['li.north', '华北销售部', null],
];

/**
 * T1 on the first start: this year's signed-amount targets walked down the tree through the real
 * services — the company's and 销售中心's (赵总), each region's split to its groups or reps (the managers), 华东's
 * groups split to their reps — month by month, so 目标达成 shows rates and gaps for every scope; and
 * next year's target of 上海一组 set but not yet split, for the manager to split.
 */
export async function seedDemoTargets(trx: Db, users: Map<string, { id: string; dept: string }>) {
  const actor = async (username: string): Promise<Actor> => {
    const a = await loadActor(trx, users.get(username)?.id as string);
    return { ...(a as Omit<Actor, 'via'>), via: 'session' };
  };
  const year = Number(businessDate(new Date(), timeZone).slice(0, 4));
  const depts = new Map((await trx.selectFrom('departments').select(['id', 'name']).execute()).map((d) => [d.name, d.id]));
  // A rep's year: what he signed this year (effective contracts), stretched by a quarter, at least ¥100,000,
  // in whole ten thousands — so in December the team stands near, not far from, its targets.
  const signed = await trx
    .selectFrom('contracts')
    .select(['owner_id', (eb) => eb.fn.sum<string>('amount').as('signed')])
    .where('status', '=', 'effective')
    .where('deleted_at', 'is', null)
    .where('sign_date', '>=', `${year}-01-01`)
    .groupBy('owner_id')
    .execute();
  const signedBy = new Map(signed.map((s) => [s.owner_id, BigInt(Math.round(Number(s.signed ?? 0)))]));
  const repYear = (userId: string) => {
    const stretch = ((signedBy.get(userId) ?? 0n) * 5n) / 4n;
    const floor = stretch < 100_000n ? 100_000n : stretch;
    return ((floor + 9_999n) / 10_000n) * 10_000n * 100n;
  };
  const repsOf = async (dept: string) =>
    trx
      .selectFrom('users')
      .select(['id', 'username'])
      .where('department_id', '=', depts.get(dept) as string)
      .where('active', '=', true)
      .orderBy('username')
      .execute();
  const byMonth = (who: { userId?: string; departmentId?: string }, fen: bigint) =>
    evenSplit(fen, 12).map((f, i) => ({
      userId: who.userId ?? null,
      departmentId: who.departmentId ?? null,
      month: MONTHS[i],
      amount: yuan(f),
    }));
  const setTarget = async (username: string, departmentId: string | null, fen: bigint, cells: ReturnType<typeof byMonth>) => {
    const who = await actor(username);
    const body = {
      type: 'signed_amount' as const,
      year,
      departmentId,
      amount: yuan(fen),
      notes: null,
      dimension: null,
      dimensionValue: null,
    };
    const id = await createTarget(trx, who, env, body);
    await saveCells(trx, who, env, id, { version: 1, method: 'manual', cells });
  };

  const regionYears: [string, bigint][] = [];
  for (const [manager, region, groups] of REGIONS) {
    if (groups) {
      const groupYears: [string, bigint][] = [];
      for (const g of groups) {
        const reps = await repsOf(g);
        const total = reps.reduce((a, r) => a + repYear(r.id), 0n);
        groupYears.push([g, total]);
      }
      const total = groupYears.reduce((a, [, f]) => a + f, 0n);
      regionYears.push([region, total]);
      await setTarget(
        manager,
        depts.get(region) as string,
        total,
        groupYears.flatMap(([g, f]) => byMonth({ departmentId: depts.get(g) }, f)),
      );
      for (const [g, f] of groupYears) {
        const reps = await repsOf(g);
        await setTarget(
          manager,
          depts.get(g) as string,
          f,
          reps.flatMap((r) => byMonth({ userId: r.id }, repYear(r.id))),
        );
      }
    } else {
      const reps = (await repsOf(region)).filter((r) => r.username !== manager);
      const total = reps.reduce((a, r) => a + repYear(r.id), 0n);
      regionYears.push([region, total]);
      await setTarget(
        manager,
        depts.get(region) as string,
        total,
        reps.flatMap((r) => byMonth({ userId: r.id }, repYear(r.id))),
      );
    }
  }
  const company = regionYears.reduce((a, [, f]) => a + f, 0n);
  // 赵总's 销售中心 gives each region what its manager split; the company's goes to 销售中心 (总公司, the only
  // top department, stands for the company, so its grid offers 总公司's sub-departments and people).
  await setTarget(
    'zhao.zong',
    depts.get('销售中心') as string,
    company,
    regionYears.flatMap(([region, f]) => byMonth({ departmentId: depts.get(region) }, f)),
  );
  await setTarget('zhao.zong', null, company, byMonth({ departmentId: depts.get('销售中心') }, company));
  // Next year's, set by 钱经理 and waiting for its split.
  const next = regionYears[0][1] + 20_000_000n;
  await createTarget(trx, await actor('qian.east'), env, {
    type: 'signed_amount',
    year: year + 1,
    departmentId: depts.get('上海一组') as string,
    amount: yuan(next - (next % 1_000_000n)),
    notes: '明年上海一组签约目标，待分解到人到月',
    dimension: null,
    dimensionValue: null,
  });
}
