import type { Config } from './config.js';
import { ensureBuiltInRoles } from './domains/organisation/role-service.js';
import { createUser } from './domains/organisation/user-service.js';
import { ensureDefaultPipelines } from './domains/opportunities/default-pipelines.js';
import { ensureDefaultPicklists } from './domains/picklists/picklist-service.js';
import { generatePassword } from './platform/auth/passwords.js';
import type { Database } from './platform/db/database.js';
import { migrate } from './platform/db/migrate.js';

export interface BootstrapResult {
  applied: string[];
  admin?: { username: string; password: string; generated: boolean };
}

/** Migrations, built-in roles, picklists and pipeline templates, and the first admin on an empty database. Idempotent. */
export async function bootstrap(database: Database, config: Config): Promise<BootstrapResult> {
  const applied = await migrate(database);
  const db = database.db;
  await ensureBuiltInRoles(db);
  await ensureDefaultPicklists(db);
  await ensureDefaultPipelines(db);
  const anyUser = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (anyUser) return { applied };
  const password = config.CRM_ADMIN_PASSWORD ?? generatePassword();
  await db.transaction().execute((trx) => createUser(trx, { username: 'admin', displayName: '系统管理员', password, roles: ['admin'] }));
  return { applied, admin: { username: 'admin', password, generated: !config.CRM_ADMIN_PASSWORD } };
}
