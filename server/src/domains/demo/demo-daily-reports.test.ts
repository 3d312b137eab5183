import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAdmin } from '../../test/factories.js';
import { login, startTestApp, type TestApp } from '../../test/test-app.js';
import { seedDemo } from './seed-demo.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await makeAdmin(t.app, t.db);
});
afterAll(() => t.close());

describe('demo daily reports (T3)', () => {
  it("gives 周小舟 a day with follow-ups and visits and yesterday's plan, and 钱经理 a team that includes him", async () => {
    const { password } = await seedDemo(t.db, { customers: 150 });
    const rep = await login(t.app, 'zhou.sh1', password);
    const day = (await rep.get('/api/v1/daily-reports/day')).body;
    const follow = day.sections.find((s: { key: string }) => s.key === 'follow-ups');
    const visits = day.sections.find((s: { key: string }) => s.key === 'visits');
    expect(follow.count).toBeGreaterThanOrEqual(2);
    expect(visits).toMatchObject({ count: 2, done: 1 });
    expect(day.previousPlan).toBe('上午回访报价反馈，下午约技术部开需求沟通会');
    expect(day.editable).toBe(true);

    const manager = await login(t.app, 'qian.east', password);
    const team = (await manager.get('/api/v1/daily-reports/team')).body;
    const zhou = team.reps.find((r: { displayName: string }) => r.displayName === '周小舟');
    expect(zhou.activityCount).toBeGreaterThanOrEqual(3);
    expect(team.reps.map((r: { displayName: string }) => r.displayName)).not.toContain('冯晓梅');
    expect(team.departments.map((d: { name: string }) => d.name)).toEqual(expect.arrayContaining(['华东销售部', '上海一组', '杭州组']));
  });
});
