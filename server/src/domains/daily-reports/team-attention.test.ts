import { describe, expect, it } from 'vitest';
import { type DailyItem, registerDailySection } from '../../platform/reports/daily-sections.js';
import { teamSummaryMail } from './daily-report-mail.js';
import { buildTeam } from './team-summary.js';

// Two sections of a rep's day, registered here as any domain registers its own.
for (const [key, order] of [
  ['calls', 1],
  ['visits', 2],
] as const) {
  registerDailySection({ key, order, title: { 'zh-CN': key, 'zh-TW': key, en: key }, collect: async () => [] });
}

const staff = ['a', 'b', 'c'].map((id) => ({
  id,
  displayName: id.toUpperCase(),
  departmentId: null,
  departmentName: null,
  locale: 'zh-CN',
  email: null,
}));
const items = (userId: string, n: number): DailyItem[] =>
  Array.from({ length: n }, (_, i) => ({ userId, id: `${userId}${i}`, title: 't' }));

/** Rep A's mix against B's and C's (calls, visits each), through the team report. */
function attention(a: [number, number], others: [number, number]) {
  const mix = (id: string, [calls, visits]: [number, number]) =>
    [
      id,
      new Map([
        ['calls', items(id, calls)],
        ['visits', items(id, visits)],
      ]),
    ] as const;
  const collected = new Map([mix('a', a), mix('b', others), mix('c', others)]);
  const team = buildTeam(
    {
      period: 'day',
      firstDay: '2026-12-07',
      lastDay: '2026-12-07',
      staff,
      collected,
      untouched: [],
      notesDays: new Map(),
      departments: [],
      rule: { points: 5, confidence: 95 },
    },
    'zh-CN',
  );
  return team;
}

describe('who needs attention in the team report (O7, the funnel’s rule)', () => {
  it('does not name a rep whose odd mix rests on 8 records: 7 calls of 8 against the team’s 53.4 % is p ≈ 0.075', () => {
    // Team: calls 7 + 20 + 20 = 47 of 88 (53.4 %); A: 87.5 %, 34 points away, but p > 5 %.
    expect(attention([7, 1], [20, 20]).needsAttention).toEqual([]);
  });

  it('names him with the same shares over 80 records, and only him', () => {
    // Team: 70 + 200 + 200 = 470 of 880 (53.4 %); A: 87.5 % of 80 (p ≈ 1e-10). B and C: 50 %, 3.4 points: not flagged.
    const team = attention([70, 10], [200, 200]);
    expect(team.needsAttention).toEqual([
      { userId: 'a', displayName: 'A', silent: false, untouchedKeyCustomers: 0, unusualSections: ['calls', 'visits'] },
    ]);
    // The manager's mail names him under the same heading as the page.
    const mail = teamSummaryMail({ locale: 'zh-CN', day: '2026-12-07', team: '华东', summary: team });
    expect(mail.html).toContain('工作结构和团队差得多的人');
    expect(mail.text).toContain('A：calls、visits');
  });
});
