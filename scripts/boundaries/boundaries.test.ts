import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const fixture = fileURLToPath(new URL('./fixture', import.meta.url));
const config = fileURLToPath(new URL('../../.dependency-cruiser.cjs', import.meta.url));

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

/** The same rules `npm run lint` applies, run over a small tree that breaks each of them once. */
function violations(): Violation[] {
  const run = spawnSync('npx', ['depcruise', 'server', 'web', 'contracts', '--config', config, '-T', 'json'], {
    cwd: fixture,
    encoding: 'utf8',
  });
  return JSON.parse(run.stdout).summary.violations;
}

describe('import rules (dependency-cruiser)', () => {
  const found = violations();
  const pairs = found.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);

  it.each([
    ['platform-imports-no-domain', 'server/src/platform/records/knows-a-domain.ts', 'server/src/domains/billing/billing-service.ts'],
    ['platform-imports-no-domain', 'web/src/shared/knows-a-domain.ts', 'web/src/domains/tasks/task-title.ts'],
    ['domain-through-public-face', 'server/src/domains/billing/billing-service.ts', 'server/src/domains/ledger/ledger-service.ts'],
    ['reports-are-leaves', 'server/src/domains/ledger/ledger-service.ts', 'server/src/domains/billing-reports/public.ts'],
    ['no-circular', 'server/src/domains/ledger/cycle-a.ts', 'server/src/domains/ledger/cycle-b.ts'],
    ['exports-and-imports-know-no-domain', 'server/src/domains/exports/export-registry.ts', 'server/src/domains/ledger/public.ts'],
    ['contracts-are-shared-leaves', 'contracts/reaches-server.ts', 'server/src/platform/records/knows-a-domain.ts'],
  ])('%s fails on %s → %s', (rule, from, to) => {
    expect(pairs).toContain(`${rule}: ${from} → ${to}`);
  });

  it("lets a domain use another through that domain's public face", () => {
    expect(found.filter((v) => v.from.endsWith('billing-allowed.ts'))).toEqual([]);
  });

  it('reports nothing else', () => {
    expect(found).toHaveLength(7);
  });
});
