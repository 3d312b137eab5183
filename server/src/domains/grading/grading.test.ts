import type { GradingRules } from '@contracts/grading.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyRows, makeAdmin, makeCustomer, makeTeam } from '../../test/factories.js';
import { type Client, startTestApp, type TestApp } from '../../test/test-app.js';
import { gradeFor, gradeScore } from './grade-score.js';
import { registerContributionProvider } from './grading-inputs.js';
import { DEFAULT_GRADING_RULES } from './grading-rules.js';

const rules: GradingRules = { ...DEFAULT_GRADING_RULES, enabled: true };

describe('grade score (C7)', () => {
  it('averages the inputs that exist, by their weights', () => {
    // 60 × 50 (500k of 1M) + 20 × 80, over weights 60 + 20 (no credit source): 57.5.
    expect(gradeScore(rules, { contribution: '500000.00', potential: 80 })).toBe(57.5);
    expect(gradeScore(rules, { contribution: '2500000', credit: 40, potential: null })).toBe((60 * 100 + 20 * 40) / 80);
    expect(gradeScore(rules, { potential: null })).toBeNull();
    expect(gradeScore(rules, { potential: 35 })).toBe(35);
  });

  it('gives the first grade whose minimum the score reaches, exactly at a threshold too', () => {
    expect(gradeFor(rules, 80)).toBe('A');
    expect(gradeFor(rules, 79.99)).toBe('B');
    expect(gradeFor(rules, 60)).toBe('B');
    expect(gradeFor(rules, 29.99)).toBe('D');
    expect(gradeFor(rules, 0)).toBe('D');
  });
});

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.app, t.db);
});
afterAll(() => t.close());

describe('grading customers by the rules', () => {
  it('re-grades automatic grades on demand, keeps manual ones until handed back, and writes history', async () => {
    const signed = new Map<string, string>();
    // The test's figures stand in for every real source (deals, contracts), whatever their rank.
    registerContributionProvider(async (_db, ids) => new Map([...signed].filter(([id]) => ids.includes(id))), Number.POSITIVE_INFINITY);
    // Credit (receivables registers it) weighs nothing here: these customers owe nothing, and the
    // figures below are contribution and potential alone.
    const withoutCredit = { ...rules, weights: { ...rules.weights, credit: 0 } };
    expect((await admin.request('PUT', '/api/v1/grading-rules', withoutCredit)).status).toBe(200);
    const team = await makeTeam(t.app, t.db);
    const edge = await makeCustomer(team.repA, { potentialScore: 60 });
    const low = await makeCustomer(team.repA, { potentialScore: 80 });
    const manual = await makeCustomer(team.repA, { grade: 'A', potentialScore: 0 });
    signed.set(edge.id, '600000.00'); // 60 and 60: exactly B's minimum
    signed.set(low.id, '500000.00'); // 57.5: C

    const run = await admin.post('/api/v1/grading-rules/evaluate');
    expect(run.status).toBe(200);
    expect(run.body.inputs).toEqual(['contribution', 'credit', 'potential']);
    const grades = async () =>
      Object.fromEntries(
        await Promise.all(
          [edge, low, manual].map(async (c) => {
            const body = (await team.repA.get(`/api/v1/customers/${c.id}`)).body;
            return [c.id, `${body.grade}/${body.gradeSource}`];
          }),
        ),
      );
    expect(await grades()).toEqual({ [edge.id]: 'B/auto', [low.id]: 'C/auto', [manual.id]: 'A/manual' });
    expect((await historyRows(t.db, 'customer', low.id)).filter((h) => h.field === 'grade' || h.field === 'grade_score')).toEqual([
      expect.objectContaining({ field: 'grade', old_value: null, new_value: 'C' }),
      expect.objectContaining({ field: 'grade_score', new_value: 57.5 }),
    ]);

    // A person's grade stays a person's; handing it back re-grades it by the rules (0 + 0 → D).
    const current = (await team.repA.get(`/api/v1/customers/${low.id}`)).body;
    expect((await team.repA.patch(`/api/v1/customers/${low.id}`, { version: current.version, grade: 'A' })).body.gradeSource).toBe(
      'manual',
    );
    await admin.post('/api/v1/grading-rules/evaluate');
    expect((await team.repA.get(`/api/v1/customers/${low.id}`)).body.grade).toBe('A');
    const back = await team.repA.post(`/api/v1/customers/${manual.id}/grade/auto`);
    expect(back.status).toBe(200);
    expect((await team.repA.get(`/api/v1/customers/${manual.id}`)).body).toMatchObject({ grade: 'D', gradeSource: 'auto' });
  });

  it('lets only an administrator change or run the rules, and refuses bad rules with 400', async () => {
    const team = await makeTeam(t.app, t.db);
    expect((await team.director.request('PUT', '/api/v1/grading-rules', rules)).status).toBe(403);
    expect((await team.director.post('/api/v1/grading-rules/evaluate')).status).toBe(403);
    const bad = await admin.request('PUT', '/api/v1/grading-rules', { ...rules, contributionFullAmount: '1,000' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty(['contributionFullAmount']);
  });
});
