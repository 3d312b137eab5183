import { BUILT_IN_ROLES } from '@contracts/permissions.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { ensureBuiltInRoles } from './role-service.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const rep = BUILT_IN_ROLES.find((r) => r.key === 'rep')!;

async function repRow() {
  return t.db
    .selectFrom('roles')
    .select(['permissions', 'offered_permissions', 'version'])
    .where('key', '=', 'rep')
    .executeTakeFirstOrThrow();
}

describe('built-in roles across releases', () => {
  it('grants permissions a new release adds, keeps what the admin took away', async () => {
    // As if the database came from a release without visit plans, and the admin later took leads:delete away.
    const oldOffer = rep.permissions.filter((p) => !p.startsWith('visit_plans:'));
    const adminEdited = oldOffer.filter((p) => p !== 'leads:delete');
    await t.db
      .updateTable('roles')
      .set({ permissions: JSON.stringify([...adminEdited, 'customers:export']), offered_permissions: JSON.stringify(oldOffer) })
      .where('key', '=', 'rep')
      .execute();

    await ensureBuiltInRoles(t.db);
    const after = await repRow();
    expect(after.permissions).toEqual(expect.arrayContaining(rep.permissions.filter((p) => p.startsWith('visit_plans:'))));
    expect(after.permissions).not.toContain('leads:delete');
    expect(after.permissions).toContain('customers:export');
    expect(after.offered_permissions).toEqual(rep.permissions);

    // Idempotent: a second start changes nothing.
    await ensureBuiltInRoles(t.db);
    expect(await repRow()).toEqual(after);
  });

  it('reads a role never recorded (offered NULL) as offered what it holds now', async () => {
    const held = rep.permissions.filter((p) => p !== 'tasks:create');
    await t.db
      .updateTable('roles')
      .set({ permissions: JSON.stringify(held), offered_permissions: null })
      .where('key', '=', 'rep')
      .execute();
    await ensureBuiltInRoles(t.db);
    const after = await repRow();
    expect(after.permissions).toContain('tasks:create');
    expect(after.offered_permissions).toEqual(rep.permissions);
  });
});
