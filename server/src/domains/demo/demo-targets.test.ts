import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAdmin } from '../../test/factories.js';
import { login, startTestApp, type TestApp } from '../../test/test-app.js';
import { businessDate } from '../../platform/dates.js';
import { seedDemo } from './seed-demo.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await makeAdmin(t.app, t.db);
});
afterAll(() => t.close());

describe('demo targets (T1, T2)', () => {
  it('splits this year’s targets down the tree so every scope sees a target, and leaves next year’s to split', async () => {
    const { password } = await seedDemo(t.db, { customers: 150 });
    const year = Number(businessDate(new Date(), 'Asia/Shanghai').slice(0, 4));
    const director = await login(t.app, 'zhao.zong', password);
    const company = (await director.get(`/api/v1/targets/attainment?period=${year}`)).body;
    expect(company.rows[0]).toMatchObject({ kind: 'company' });
    const centre = (await director.get(`/api/v1/targets/attainment?period=${year}&departmentId=${company.rows[1].id}`)).body.rows;
    expect(centre.find((r: { name: string }) => r.name === '销售中心').target).toBe(company.rows[0].target);
    expect(Number(company.rows[0].target)).toBeGreaterThan(0);

    const manager = await login(t.app, 'qian.east', password);
    const east = (await manager.get(`/api/v1/targets?year=${year}`)).body.items as { departmentName: string; undistributed: string }[];
    expect(east.map((x) => x.departmentName).sort()).toEqual(['上海一组', '华东销售部', '杭州组'].sort());
    expect(east.every((x) => x.undistributed === '0.00')).toBe(true);
    const next = (await manager.get(`/api/v1/targets?year=${year + 1}`)).body.items;
    expect(next).toEqual([expect.objectContaining({ departmentName: '上海一组', distributed: '0.00' })]);

    const rep = await login(t.app, 'zhou.sh1', password);
    const mine = (await rep.get(`/api/v1/targets/attainment?period=${year}-Q4`)).body.rows;
    expect(mine).toHaveLength(1);
    expect(Number(mine[0].target)).toBeGreaterThan(0);
  });
});
